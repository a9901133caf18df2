using Crm.Web.State;

namespace Crm.Web.Features.Shell;

public static class ShellReducers
{
    [ReducerMethod]
    public static ShellState OnToggleDarkMode(ShellState state, ToggleDarkModeAction action) =>
        state with { IsDarkMode = !state.IsDarkMode };

    [ReducerMethod]
    public static ShellState OnToggleDrawer(ShellState state, ToggleDrawerAction action) =>
        state with { IsDrawerOpen = !state.IsDrawerOpen };

    [ReducerMethod]
    public static ShellState OnLoadShopsSucceeded(ShellState state, LoadShopsSucceededAction action) =>
        state with
        {
            Shops = action.Shops,
            SelectedShopId = action.Shops.Exists(s => s.Id == state.SelectedShopId) ? state.SelectedShopId : null,
        };

    [ReducerMethod]
    public static ShellState OnSelectShop(ShellState state, SelectShopAction action) =>
        action.ShopId is null || state.Shops.Exists(s => s.Id == action.ShopId)
            ? state with { SelectedShopId = action.ShopId }
            : state;
}
