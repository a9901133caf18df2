using System.Reflection;
using Bunit;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class StoreComponentTests : ComponentTestBase
{
    [Fact]
    public async Task WhenStateChangesOnABackgroundThread_TheComponentRerendersOnTheRenderer()
    {
        var cut = Render<ShellProbe>();
        var failures = new List<Exception>();
        Store.UnhandledException += (_, e) => failures.Add(e);

        // A live feed dispatches from its own thread; StoreComponent must marshal the re-render.
        await Task.Run(() => Store.Dispatch(new ToggleDarkModeAction()));

        cut.WaitForAssertion(() => cut.Find("[data-testid=mode]").TextContent.ShouldBe("dark"));
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenManyChangesArriveFromBackgroundThreads_TheComponentShowsTheLast()
    {
        var cut = Render<ShellProbe>();

        await Task.Run(() => Parallel.For(0, 101, _ => Store.Dispatch(new ToggleDarkModeAction())));

        Store.GetState<ShellState>().Value.IsDarkMode.ShouldBeTrue();
        cut.WaitForAssertion(() => cut.Find("[data-testid=mode]").TextContent.ShouldBe("dark"));
    }

    [Fact]
    public async Task WhenAReducerReturnsTheSameState_TheComponentDoesNotRerender()
    {
        var cut = Render<ShellProbe>();
        var renders = cut.Instance.Renders;

        // Not one of the user's shops: the reducer returns the state it was given.
        await Task.Run(() => Store.Dispatch(new SelectShopAction(Crm.Domain.Organization.ShopId.New())));
        await RendererIdleAsync();

        cut.Instance.Renders.ShouldBe(renders);
    }

    [Fact]
    public async Task WhenAReducerReturnsAnEqualState_TheComponentDoesNotRerender()
    {
        var cut = Render<ShellProbe>();
        var shops = new LoadShopsSucceededAction([Samples.Shop("Tmall")]);
        await Task.Run(() => Store.Dispatch(shops));
        cut.WaitForAssertion(() => cut.Find("[data-testid=shops]").TextContent.ShouldBe("1"));
        var renders = cut.Instance.Renders;

        // The same shops again: a new ShellState instance, equal to the current one.
        await Task.Run(() => Store.Dispatch(shops));
        await RendererIdleAsync();

        cut.Instance.Renders.ShouldBe(renders);
    }

    [Fact]
    public async Task WhenAFeatureTheComponentDoesNotReadChanges_TheComponentDoesNotRerender()
    {
        var cut = Render<ShellProbe>();
        var renders = cut.Instance.Renders;

        await Task.Run(() =>
        {
            Store.Dispatch(new NotificationReceivedRemotelyAction(Samples.Notification()));
            Store.Dispatch(new SaveUserFailedAction("Refused."));
        });
        await RendererIdleAsync();

        cut.Instance.Renders.ShouldBe(renders);
    }

    [Fact]
    public async Task WhenTheStateChanges_TheComponentRerendersExactlyOnce()
    {
        var cut = Render<ShellProbe>();
        var renders = cut.Instance.Renders;

        await Task.Run(() => Store.Dispatch(new ToggleDarkModeAction()));
        await RendererIdleAsync();

        cut.Instance.Renders.ShouldBe(renders + 1);
    }

    [Fact]
    public async Task WhenTheComponentIsDisposed_ItStopsListeningToTheStore()
    {
        Render<ShellProbe>();
        var shell = Store.GetState<ShellState>();
        Subscribers(shell).ShouldBe(1);

        await DisposeComponentsAsync();

        Subscribers(shell).ShouldBe(0);
    }

    private static int Subscribers<TState>(IState<TState> state) =>
        (state.GetType().GetField(nameof(IState<TState>.StateChanged), BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(state) as Delegate)
            ?.GetInvocationList().Length ?? 0;
}
