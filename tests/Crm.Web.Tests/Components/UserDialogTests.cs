using System.Collections.Immutable;
using Bunit;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Shell;
using Crm.Web.State;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Crm.Web.Tests.Components;

public sealed class UserDialogTests : ComponentTestBase
{
    private static readonly ImmutableList<ShopOption> Shops =
        [new(DemoIds.TmallShop, "天猫旗舰店 Tmall Flagship"), new(DemoIds.JdShop, "京东自营店 JD Store")];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Admin);
    }

    [Fact]
    public async Task WhenTheStateHoldsASaveError_TheDialogShowsIt()
    {
        var host = await OpenAsync();

        await DispatchOnRendererAsync(new SaveUserFailedAction("That email is already in use."));

        host.Find("[data-testid=user-dialog-error]").TextContent.ShouldBe("That email is already in use.");
    }

    [Fact]
    public async Task WhenTheSaveErrorIsCleared_TheDialogHidesIt()
    {
        var host = await OpenAsync();
        await DispatchOnRendererAsync(new SaveUserFailedAction("Refused."));

        await DispatchOnRendererAsync(new ClearSaveErrorAction());

        host.FindAll("[data-testid=user-dialog-error]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheEmailIsTaken_TheDialogStaysOpenAndSaysSoInTheUsersLanguage()
    {
        var host = await OpenAsync();
        await FillAsync(host, email: DemoUsers.Rep1.Email, name: "Another Li");

        await ClickAsync(host, "[data-testid=user-save]");

        host.WaitForAssertion(() => host.Find("[data-testid=user-dialog-error]").TextContent.ShouldBe("rep1@demo.local is already in use."));
        host.Find("[data-testid=user-save]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task WhenTheEmailIsTakenAndTheUserReadsChinese_TheReasonIsInChinese()
    {
        UseCulture("zh-CN");
        var host = await OpenAsync();
        await FillAsync(host, email: DemoUsers.Rep1.Email, name: "Another Li");

        await ClickAsync(host, "[data-testid=user-save]");

        host.WaitForAssertion(() => host.Find("[data-testid=user-dialog-error]").TextContent.ShouldBe("rep1@demo.local 已被使用。"));
    }

    [Fact]
    public async Task WhenANewUserIsSaved_TheDialogClosesAndTheUserExists()
    {
        var host = await OpenAsync();
        await FillAsync(host, email: "new.person@demo.local", name: "New Person");

        await ClickAsync(host, "[data-testid=user-save]");

        host.WaitForAssertion(() => host.FindAll("[data-testid=user-dialog]").ShouldBeEmpty());
        host.WaitForAssertion(() => host.Markup.ShouldContain("New Person saved."));
        await using var db = Database.OpenDemo();
        var user = await db.Users.SingleAsync(u => u.Email == "new.person@demo.local");
        user.DisplayName.ShouldBe("New Person");
        user.IsHeadOffice.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenRequiredFieldsAreEmpty_NothingIsSaved()
    {
        var host = await OpenAsync();
        var changes = 0;
        Services.GetRequiredService<IState<AdminUsersState>>().StateChanged += (_, _) => changes++;

        await ClickAsync(host, "[data-testid=user-save]");

        host.WaitForAssertion(() => host.Markup.ShouldContain("This field is required."));
        changes.ShouldBe(0);
        host.FindAll("[data-testid=user-dialog]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WhenAUserIsEdited_TheEmailIsFixedAndNoPasswordIsAsked()
    {
        var row = new UserRow(DemoIds.Rep1.Value, DemoUsers.Rep1.Email, "Li Wei", Roles.SalesRep, [DemoIds.TmallShop], false, false, false);

        var host = await OpenAsync(row);

        var email = host.Find("input[data-testid=user-email]");
        email.GetAttribute("value").ShouldBe(DemoUsers.Rep1.Email);
        email.HasAttribute("disabled").ShouldBeTrue();
        host.Find("input[data-testid=user-display-name]").GetAttribute("value").ShouldBe("Li Wei");
        host.FindAll("input[data-testid=user-password]").ShouldBeEmpty();
    }

    private async Task<IRenderedComponent<WithPopovers>> OpenAsync(UserRow? user = null)
    {
        var host = Render<WithPopovers>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<UserDialog> { { d => d.User, user }, { d => d.Shops, Shops } };
        await Renderer.Dispatcher.InvokeAsync(() => dialogs.ShowAsync<UserDialog>(user is null ? "New user" : "Edit user", parameters));
        host.WaitForAssertion(() => host.Find("[data-testid=user-dialog]"));
        return host;
    }

    /// <summary>A head-office sales rep, so no shop has to be picked.</summary>
    private Task FillAsync(IRenderedComponent<WithPopovers> host, string email, string name) =>
        Renderer.Dispatcher.InvokeAsync(() =>
        {
            host.Find("input[data-testid=user-email]").Change(email);
            host.Find("input[data-testid=user-display-name]").Change(name);
            host.Find("input[data-testid=user-password]").Change("Secret123!");
            host.Find("input[data-testid=user-head-office]").Change(true);
        });
}
