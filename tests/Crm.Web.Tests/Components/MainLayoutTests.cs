using Bunit;
using Crm.Web.Components.Layout;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class MainLayoutTests : ComponentTestBase
{
    [Fact]
    public void WhenSignedIn_TheLayoutLoadsTheUsersShopsAndNotifications()
    {
        SignIn(DemoUsers.Admin);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => cut.Find("[data-testid=shop-switcher-button]").TextContent.ShouldContain("All shops"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=notification-count] .mud-badge").TextContent.ShouldBe("1"));
        cut.Find("[data-testid=app-title]").TextContent.ShouldBe("Crm");
        cut.Find("[data-testid=tenant-name]").TextContent.ShouldBe(DemoUsers.DemoTenantName);
        cut.Find("[data-testid=page]").TextContent.ShouldBe("The page");
    }

    [Fact]
    public void WhenTheCircuitIsInteractive_TheLiveMarkerIsRendered()
    {
        SignIn(DemoUsers.Admin);

        var cut = RenderLayout();

        cut.FindAll("[data-testid=circuit-live]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WhenAnEffectFails_TheUserIsToldInASnackbar()
    {
        SignIn(DemoUsers.Admin);
        var reported = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.UnhandledException += (_, e) => reported.TrySetResult(e);

        // The database is gone (an empty file has no tables): loading the shops throws in the effect.
        File.Delete(Database.FilePath);
        var cut = RenderLayout();

        var exception = await reported.Task.WaitAsync(TimeSpan.FromSeconds(10));
        exception.Message.ShouldContain("no such table");
        cut.WaitForAssertion(() => cut.Find("#mud-snackbar-container").TextContent.ShouldContain("Something went wrong: "));
        cut.Find("#mud-snackbar-container").TextContent.ShouldContain("no such table");
    }

    [Fact]
    public void WhenAnEffectFailsAndTheUserReadsChinese_TheSnackbarIsInChinese()
    {
        UseCulture("zh-CN");
        SignIn(DemoUsers.Admin);
        File.Delete(Database.FilePath);

        var cut = RenderLayout();

        cut.WaitForAssertion(() => cut.Find("#mud-snackbar-container").TextContent.ShouldContain("操作出错："), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task WhenDarkModeIsToggled_ShellStateAndTheButtonFollow()
    {
        SignIn(DemoUsers.Admin);
        var cut = RenderLayout();
        cut.Find("[data-testid=dark-mode-toggle]").GetAttribute("aria-label").ShouldBe("Dark mode");

        await ClickAsync(cut, "[data-testid=dark-mode-toggle]");

        Store.GetState<ShellState>().Value.IsDarkMode.ShouldBeTrue();
        cut.WaitForAssertion(() => cut.Find("[data-testid=dark-mode-toggle]").GetAttribute("aria-label").ShouldBe("Light mode"));
    }

    [Fact]
    public async Task WhenTheMenuButtonIsClicked_TheDrawerCloses()
    {
        SignIn(DemoUsers.Admin);
        var cut = RenderLayout();
        cut.Find("[data-testid=nav-drawer]").ClassList.ShouldContain("mud-drawer--open");

        await ClickAsync(cut, "[data-testid=drawer-toggle]");

        Store.GetState<ShellState>().Value.IsDrawerOpen.ShouldBeFalse();
        cut.WaitForAssertion(() => cut.Find("[data-testid=nav-drawer]").ClassList.ShouldContain("mud-drawer--closed"));
    }

    [Fact]
    public async Task WhenNobodyIsSignedIn_NothingIsLoaded()
    {
        var failures = new List<Exception>();
        Store.UnhandledException += (_, e) => failures.Add(e);

        RenderLayout();
        await RendererIdleAsync();

        Store.GetState<ShellState>().Value.Shops.ShouldBeEmpty();
        Store.GetState<NotificationsState>().Value.IsLoading.ShouldBeFalse();
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheLayoutIsDisposed_ItNoLongerListensToTheStore()
    {
        SignIn(DemoUsers.Admin);
        var cut = RenderLayout();
        cut.WaitForAssertion(() => cut.Find("[data-testid=shop-switcher-button]"));

        await DisposeComponentsAsync();

        Subscribers(Store, nameof(Crm.Web.State.Store.UnhandledException)).ShouldBe(0);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddMarkupContent(0, "<p data-testid=\"page\">The page</p>")));

    private static int Subscribers(object source, string eventField) =>
        (source.GetType().GetField(eventField, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)?.GetValue(source) as Delegate)
            ?.GetInvocationList().Length ?? 0;
}
