using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.Admin;
using Crm.Web.Resources;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NSubstitute;

namespace Crm.Web.Tests.Features;

public sealed class AdminUsersEffectsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private readonly ISnackbar _snackbar = Substitute.For<ISnackbar>();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Admin);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private AdminUsersEffects Effects =>
        new(_app.Get<UserAdministration>(), _app.Get<RuleMessages>(), _snackbar, _app.Get<IStringLocalizer<SharedResource>>());

    [Fact]
    public async Task WhenUsersLoad_TheCompanysUsersArriveWithTheirRoles()
    {
        await Effects.HandleLoad(new LoadUsersAction(), _dispatcher);

        var users = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<LoadUsersSucceededAction>().Users;
        users.Count.ShouldBe(8);
        users.ShouldNotContain(u => u.Email == "admin@other.local");
        users.Single(u => u.Email == DemoUsers.Rep1.Email).ShouldSatisfyAllConditions(
            u => u.Role.ShouldBe(Roles.SalesRep),
            u => u.ShopIds.ShouldBe([DemoIds.TmallShop]),
            u => u.IsHeadOffice.ShouldBeFalse());
    }

    [Fact]
    public async Task WhenANewUserIsSaved_SuccessThenAReloadAreDispatchedAndTheAdminIsTold()
    {
        await Effects.HandleSave(new SaveUserAction(null, Samples.Input("new.person@demo.local", "New Person")), _dispatcher);

        _dispatcher.Actions.Select(a => a.GetType()).ShouldBe([typeof(SaveUserSucceededAction), typeof(LoadUsersAction)]);
        _snackbar.Received(1).Add("New Person saved.", Severity.Success, Arg.Any<Action<SnackbarOptions>?>(), Arg.Any<string?>());
        await using var db = _app.Database.OpenDemo();
        (await db.Users.CountAsync(u => u.Email == "new.person@demo.local")).ShouldBe(1);
    }

    [Fact]
    public async Task WhenARuleRefusesTheSave_TheReasonIsDispatchedInWords()
    {
        await Effects.HandleSave(new SaveUserAction(null, Samples.Input(DemoUsers.Rep1.Email, "Another Li")), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBe(new SaveUserFailedAction("rep1@demo.local is already in use."));
        _snackbar.ReceivedCalls().ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenANonAdminTriesToSave_TheRefusalIsDispatched()
    {
        _app.SignIn(DemoUsers.Rep1);

        await Effects.HandleSave(new SaveUserAction(null, Samples.Input()), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBe(new SaveUserFailedAction("Only an administrator manages users."));
    }

    [Fact]
    public async Task WhenTheSaveFailsUnexpectedly_TheExceptionIsNotSwallowed()
    {
        // Signed out mid-circuit: not a business rule, so it propagates and the store reports it.
        _app.SignOut();

        await Should.ThrowAsync<InvalidOperationException>(() => Effects.HandleSave(new SaveUserAction(null, Samples.Input()), _dispatcher));

        _dispatcher.Actions.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenAnAdminDisablesThemselves_TheRefusalIsDispatchedAndShownAsAWarning()
    {
        await Effects.HandleSetDisabled(new SetUserDisabledAction(DemoIds.Admin.Value, true), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBe(new SetUserDisabledFailedAction("You cannot disable your own account."));
        _snackbar.Received(1).Add("You cannot disable your own account.", Severity.Warning, Arg.Any<Action<SnackbarOptions>?>(), Arg.Any<string?>());
    }

    [Fact]
    public async Task WhenAUserIsDisabled_SuccessThenAReloadAreDispatched()
    {
        await Effects.HandleSetDisabled(new SetUserDisabledAction(DemoIds.Rep1.Value, true), _dispatcher);

        _dispatcher.Actions.Select(a => a.GetType()).ShouldBe([typeof(SetUserDisabledSucceededAction), typeof(LoadUsersAction)]);
        await using var db = _app.Database.OpenDemo();
        (await db.Users.SingleAsync(u => u.Id == DemoIds.Rep1.Value)).IsDisabled.ShouldBeTrue();
    }
}
