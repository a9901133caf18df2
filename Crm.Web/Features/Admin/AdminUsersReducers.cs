using Crm.Web.State;

namespace Crm.Web.Features.Admin;

public static class AdminUsersReducers
{
    [ReducerMethod]
    public static AdminUsersState OnLoadUsers(AdminUsersState state, LoadUsersAction action) => state with { IsLoading = true };

    [ReducerMethod]
    public static AdminUsersState OnLoadUsersSucceeded(AdminUsersState state, LoadUsersSucceededAction action) =>
        state with { Users = action.Users, IsLoading = false };

    [ReducerMethod]
    public static AdminUsersState OnSaveUser(AdminUsersState state, SaveUserAction action) =>
        state with { IsSaving = true, SaveError = null };

    [ReducerMethod]
    public static AdminUsersState OnSaveUserSucceeded(AdminUsersState state, SaveUserSucceededAction action) =>
        state with { IsSaving = false, SaveError = null, SavedCount = state.SavedCount + 1 };

    [ReducerMethod]
    public static AdminUsersState OnSaveUserFailed(AdminUsersState state, SaveUserFailedAction action) =>
        state with { IsSaving = false, SaveError = action.Reason };

    [ReducerMethod]
    public static AdminUsersState OnClearSaveError(AdminUsersState state, ClearSaveErrorAction action) =>
        state with { SaveError = null };

    [ReducerMethod]
    public static AdminUsersState OnEffectFailed(AdminUsersState state, EffectFailedAction action) =>
        action.Action switch
        {
            LoadUsersAction => state with { IsLoading = false },
            SaveUserAction => state with { IsSaving = false },
            _ => state,
        };
}
