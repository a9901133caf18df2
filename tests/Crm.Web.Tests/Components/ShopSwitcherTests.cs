using Bunit;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components.Layout;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class ShopSwitcherTests : ComponentTestBase
{
    private const string Tmall = "天猫旗舰店 Tmall Flagship";
    private const string Jd = "京东自营店 JD Store";
    private const string Alibaba = "1688 批发店 1688 Wholesale";

    [Fact]
    public async Task WhenHeadOfficeOpensTheSwitcher_EveryShopOfTheCompanyIsListedByName()
    {
        SignIn(DemoUsers.Admin);
        var host = await RenderLoadedAsync();

        await ClickAsync(host, "[data-testid=shop-switcher-button]");

        host.FindAll("[data-testid^=shop-]")
            .Where(e => e.ClassList.Contains("mud-menu-item"))
            .Select(e => e.TextContent.Trim())
            .ShouldBe(["All shops", Alibaba, Jd, Tmall]);
        host.Markup.ShouldNotContain("Other Shop");
    }

    [Fact]
    public async Task WhenHeadOfficeStarts_TheSwitcherShowsAllShops()
    {
        SignIn(DemoUsers.Admin);

        var host = await RenderLoadedAsync();

        host.Find("[data-testid=shop-switcher-button]").TextContent.ShouldContain("All shops");
    }

    [Fact]
    public async Task WhenAShopIsChosen_ShellStateSelectsItAndTheSwitcherNamesIt()
    {
        SignIn(DemoUsers.Admin);
        var host = await RenderLoadedAsync();

        await ClickAsync(host, "[data-testid=shop-switcher-button]");
        await ClickAsync(host, $"[data-testid=shop-{DemoIds.JdShop}]");

        Store.GetState<ShellState>().Value.SelectedShopId.ShouldBe(DemoIds.JdShop);
        host.WaitForAssertion(() => host.Find("[data-testid=shop-switcher-button]").TextContent.ShouldContain(Jd));
    }

    [Fact]
    public async Task WhenAllShopsIsChosenAgain_TheSelectionClears()
    {
        SignIn(DemoUsers.Admin);
        var host = await RenderLoadedAsync();
        await DispatchOnRendererAsync(new SelectShopAction(DemoIds.TmallShop));

        await ClickAsync(host, "[data-testid=shop-switcher-button]");
        await ClickAsync(host, "[data-testid=shop-all]");

        Store.GetState<ShellState>().Value.SelectedShopId.ShouldBeNull();
        host.WaitForAssertion(() => host.Find("[data-testid=shop-switcher-button]").TextContent.ShouldContain("All shops"));
    }

    [Fact]
    public async Task WhenAUserOfTwoShopsOpensTheSwitcher_OnlyThoseShopsAreListed()
    {
        SignIn(DemoUsers.Dispatcher);
        var host = await RenderLoadedAsync();

        await ClickAsync(host, "[data-testid=shop-switcher-button]");

        host.FindAll(".mud-menu-item").Select(e => e.TextContent.Trim()).ShouldBe(["All shops", Jd, Tmall]);
    }

    [Fact]
    public async Task WhenARepOfOneShopSignsIn_TheShopIsNamedWithoutAMenu()
    {
        SignIn(DemoUsers.Rep1);

        var host = await RenderLoadedAsync();

        host.Find("[data-testid=shop-name]").TextContent.ShouldContain(Tmall);
        host.FindAll("[data-testid=shop-switcher]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenNoShopsAreLoaded_NothingIsShown()
    {
        SignIn(DemoUsers.Admin);

        var cut = Render<ShopSwitcher>();

        cut.Markup.Trim().ShouldBeEmpty();
    }

    /// <summary>Renders the switcher and loads the user's shops through the real effect, as MainLayout does.</summary>
    private async Task<IRenderedComponent<WithPopovers>> RenderLoadedAsync()
    {
        var host = RenderWithPopovers<ShopSwitcher>();
        await DispatchOnRendererAsync(new LoadShopsAction());
        host.WaitForAssertion(() => Store.GetState<ShellState>().Value.Shops.ShouldNotBeEmpty());
        host.WaitForAssertion(() => host.FindAll("[data-testid=shop-switcher-button], [data-testid=shop-name]").ShouldNotBeEmpty());
        return host;
    }
}
