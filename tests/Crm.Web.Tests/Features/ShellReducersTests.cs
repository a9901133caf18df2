using Crm.Domain.Organization;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

public sealed class ShellReducersTests
{
    [Fact]
    public void WhenTheShellStarts_TheDrawerIsOpenInLightModeWithAllShops()
    {
        var state = new ShellState();

        state.IsDrawerOpen.ShouldBeTrue();
        state.IsDarkMode.ShouldBeFalse();
        state.Shops.ShouldBeEmpty();
        state.SelectedShopId.ShouldBeNull();
    }

    [Fact]
    public void WhenDarkModeIsToggledTwice_ItIsBackWhereItStarted()
    {
        var once = ShellReducers.OnToggleDarkMode(new ShellState(), new ToggleDarkModeAction());
        var twice = ShellReducers.OnToggleDarkMode(once, new ToggleDarkModeAction());

        once.IsDarkMode.ShouldBeTrue();
        twice.ShouldBe(new ShellState());
    }

    [Fact]
    public void WhenTheDrawerIsToggled_ItCloses()
    {
        ShellReducers.OnToggleDrawer(new ShellState(), new ToggleDrawerAction()).IsDrawerOpen.ShouldBeFalse();
    }

    [Fact]
    public void WhenShopsLoad_TheyReplaceTheList()
    {
        var tmall = Samples.Shop("Tmall");
        var jd = Samples.Shop("JD");

        var state = ShellReducers.OnLoadShopsSucceeded(Samples.ShellWith(Samples.Shop("Old")), new LoadShopsSucceededAction([tmall, jd]));

        state.Shops.ShouldBe([tmall, jd]);
    }

    [Fact]
    public void WhenShopsReloadWithTheSelectedShop_TheSelectionIsKept()
    {
        var tmall = Samples.Shop("Tmall");
        var selected = Samples.ShellWith(tmall) with { SelectedShopId = tmall.Id };

        var state = ShellReducers.OnLoadShopsSucceeded(selected, new LoadShopsSucceededAction([tmall, Samples.Shop("JD")]));

        state.SelectedShopId.ShouldBe(tmall.Id);
    }

    [Fact]
    public void WhenShopsReloadWithoutTheSelectedShop_TheSelectionFallsBackToAllShops()
    {
        var tmall = Samples.Shop("Tmall");
        var selected = Samples.ShellWith(tmall) with { SelectedShopId = tmall.Id };

        var state = ShellReducers.OnLoadShopsSucceeded(selected, new LoadShopsSucceededAction([Samples.Shop("JD")]));

        state.SelectedShopId.ShouldBeNull();
    }

    [Fact]
    public void WhenAVisibleShopIsSelected_ItBecomesTheSelection()
    {
        var jd = Samples.Shop("JD");

        var state = ShellReducers.OnSelectShop(Samples.ShellWith(Samples.Shop("Tmall"), jd), new SelectShopAction(jd.Id));

        state.SelectedShopId.ShouldBe(jd.Id);
    }

    [Fact]
    public void WhenAllShopsIsSelected_TheSelectionIsCleared()
    {
        var jd = Samples.Shop("JD");
        var selected = Samples.ShellWith(jd) with { SelectedShopId = jd.Id };

        ShellReducers.OnSelectShop(selected, new SelectShopAction(null)).SelectedShopId.ShouldBeNull();
    }

    [Fact]
    public void WhenAShopTheUserCannotSeeIsSelected_TheStateIsReturnedUnchanged()
    {
        var state = Samples.ShellWith(Samples.Shop("Tmall"));

        ShellReducers.OnSelectShop(state, new SelectShopAction(ShopId.New())).ShouldBeSameAs(state);
    }
}
