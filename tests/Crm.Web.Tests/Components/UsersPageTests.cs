using AngleSharp.Dom;
using Bunit;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

public sealed class UsersPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Admin);
    }

    [Fact]
    public async Task WhenAnAdminOpensThePage_TheCompanysUsersAreListedWithTheirShops()
    {
        var host = await RenderLoadedAsync();

        Rows(host).Count.ShouldBe(8);
        host.FindAll("[data-testid='user-row-admin@other.local']").ShouldBeEmpty();
        var rep = host.Find("[data-testid='user-row-rep1@demo.local']").ParentElement!;
        rep.TextContent.ShouldContain("Li Wei");
        rep.TextContent.ShouldContain("Sales rep");
        rep.TextContent.ShouldContain("天猫旗舰店 Tmall Flagship");
        host.Find("[data-testid='user-row-admin@demo.local']").ParentElement!.TextContent.ShouldContain("Head office (all shops)");
    }

    [Fact]
    public async Task WhenSearching_OnlyMatchingUsersRemain()
    {
        var host = await RenderLoadedAsync();

        await Renderer.Dispatcher.InvokeAsync(() => host.Find("input[data-testid=users-search]").Input("rep"));

        host.WaitForAssertion(() => Rows(host).Select(r => r.GetAttribute("data-testid")).ShouldBe(["user-row-rep1@demo.local", "user-row-rep2@demo.local"], ignoreOrder: true));
    }

    [Fact]
    public async Task WhenAnAdminTriesToDisableThemselves_TheyAreToldWhyAndStayActive()
    {
        var host = await RenderLoadedAsync();

        await ClickAsync(host, "[data-testid='user-disable-admin@demo.local']");
        await ConfirmAsync(host);

        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("You cannot disable your own account."));
        await using var db = Database.OpenDemo();
        (await db.Users.SingleAsync(u => u.Id == DemoIds.Admin.Value)).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task WhenARepIsDisabled_TheListShowsThemDisabled()
    {
        var host = await RenderLoadedAsync();

        await ClickAsync(host, "[data-testid='user-disable-rep2@demo.local']");
        await ConfirmAsync(host);

        host.WaitForAssertion(() => host.Find("[data-testid='user-row-rep2@demo.local']").ParentElement!.TextContent.ShouldContain("Disabled"));
        host.FindAll("[data-testid='user-enable-rep2@demo.local']").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WhenNewUserIsClicked_TheDialogOpensWithoutTheLastError()
    {
        var host = await RenderLoadedAsync();
        await DispatchOnRendererAsync(new SaveUserFailedAction("An old refusal."));

        await ClickAsync(host, "[data-testid=user-new]");

        host.WaitForAssertion(() => host.Find("[data-testid=user-dialog]"));
        host.FindAll("[data-testid=user-dialog-error]").ShouldBeEmpty();
        host.Markup.ShouldContain("New user");
    }

    private async Task<IRenderedComponent<WithPopovers>> RenderLoadedAsync()
    {
        var host = RenderWithPopovers<UsersPage>();
        await DispatchOnRendererAsync(new LoadShopsAction());
        host.WaitForAssertion(() => Rows(host).Count.ShouldBe(8));
        host.WaitForAssertion(() => Store.GetState<ShellState>().Value.Shops.Count.ShouldBe(3));
        return host;
    }

    private Task ConfirmAsync(IRenderedComponent<WithPopovers> host)
    {
        host.WaitForAssertion(() => host.Markup.ShouldContain("Disable user"));
        return Renderer.Dispatcher.InvokeAsync(() =>
            host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Disable").Click());
    }

    private static List<IElement> Rows(IRenderedComponent<WithPopovers> host) =>
        [.. host.FindAll("[data-testid^=user-row-]")];
}
