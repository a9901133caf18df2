using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

public sealed class AdminUsersReducersTests
{
    [Fact]
    public void WhenUsersStartLoading_TheStateSaysLoading()
    {
        AdminUsersReducers.OnLoadUsers(new AdminUsersState(), new LoadUsersAction()).IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void WhenUsersLoad_TheyReplaceTheListAndLoadingEnds()
    {
        var users = new[] { Samples.User("a@example.test"), Samples.User("b@example.test") };

        var state = AdminUsersReducers.OnLoadUsersSucceeded(new AdminUsersState { IsLoading = true }, new LoadUsersSucceededAction([.. users]));

        state.Users.ShouldBe(users);
        state.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void WhenASaveStarts_TheLastErrorIsClearedAndSavingShows()
    {
        var failed = new AdminUsersState { SaveError = "That email is taken." };

        var state = AdminUsersReducers.OnSaveUser(failed, new SaveUserAction(null, Samples.Input()));

        state.IsSaving.ShouldBeTrue();
        state.SaveError.ShouldBeNull();
    }

    [Fact]
    public void WhenASaveSucceeds_SavingEndsAndTheSaveIsCounted()
    {
        var saving = new AdminUsersState { IsSaving = true, SavedCount = 2 };

        var state = AdminUsersReducers.OnSaveUserSucceeded(saving, new SaveUserSucceededAction());

        state.IsSaving.ShouldBeFalse();
        state.SaveError.ShouldBeNull();
        state.SavedCount.ShouldBe(3);
    }

    [Fact]
    public void WhenASaveIsRefused_TheReasonIsKeptForTheDialog()
    {
        var saving = new AdminUsersState { IsSaving = true, SavedCount = 2 };

        var state = AdminUsersReducers.OnSaveUserFailed(saving, new SaveUserFailedAction("That email is taken."));

        state.IsSaving.ShouldBeFalse();
        state.SaveError.ShouldBe("That email is taken.");
        state.SavedCount.ShouldBe(2);
    }

    [Fact]
    public void WhenTheErrorIsCleared_ItIsGone()
    {
        AdminUsersReducers.OnClearSaveError(new AdminUsersState { SaveError = "x" }, new ClearSaveErrorAction()).SaveError.ShouldBeNull();
    }

    [Fact]
    public void WhenLoadingFailsUnexpectedly_LoadingEnds()
    {
        var state = AdminUsersReducers.OnEffectFailed(
            new AdminUsersState { IsLoading = true }, new EffectFailedAction(new LoadUsersAction(), new InvalidOperationException()));

        state.IsLoading.ShouldBeFalse();
    }

    [Fact]
    public void WhenSavingFailsUnexpectedly_SavingEnds()
    {
        var state = AdminUsersReducers.OnEffectFailed(
            new AdminUsersState { IsSaving = true }, new EffectFailedAction(new SaveUserAction(null, Samples.Input()), new InvalidOperationException()));

        state.IsSaving.ShouldBeFalse();
    }

    [Fact]
    public void WhenAnotherSlicesEffectFails_TheUsersStateIsUnchanged()
    {
        var before = new AdminUsersState { IsLoading = true, IsSaving = true };

        AdminUsersReducers.OnEffectFailed(before, new EffectFailedAction(new LoadNotificationsAction(), new InvalidOperationException()))
            .ShouldBeSameAs(before);
    }
}
