using Bunit;
using Bunit.TestDoubles;
using Crm.Web.Components.Layout;
using Crm.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

/// <summary>The user menu and the language menu of the app bar.</summary>
public sealed class ShellMenusTests : ComponentTestBase
{
    [Fact]
    public void WhenSignedIn_TheAvatarShowsTheUsersInitials()
    {
        SignIn(DemoUsers.Admin);

        var cut = Render<UserMenu>();

        cut.Find("[data-testid=user-menu-button]").TextContent.ShouldBe("ZQ");
    }

    [Fact]
    public async Task WhenTheAvatarIsClicked_TheMenuShowsWhoIsSignedInAndASignOut()
    {
        SignIn(DemoUsers.Admin);
        var host = RenderWithPopovers<UserMenu>();

        await ClickAsync(host, "[data-testid=user-menu-button]");

        host.Find("[data-testid=user-display-name]").TextContent.ShouldBe("Zhou Qiang");
        host.Markup.ShouldContain("admin@demo.local");
        host.Markup.ShouldContain("Administrator");
        host.Find("[data-testid=sign-out]").TextContent.ShouldContain("Sign out");
        host.Find("form[action='Account/Logout']").GetAttribute("method").ShouldBe("post");
    }

    [Fact]
    public async Task WhenChineseIsChosen_TheAppReloadsThroughTheCultureEndpointBackToThisPage()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/admin/users");
        var host = RenderWithPopovers<LanguageMenu>();

        await ClickAsync(host, "[data-testid=language-menu] button");
        await ClickAsync(host, "[data-testid=language-zh-CN]");

        var last = navigation.History.First();
        last.Uri.ShouldBe("Culture/Set?culture=zh-CN&redirectUri=%2Fadmin%2Fusers");
        last.Options.ForceLoad.ShouldBeTrue();
    }
}
