using Crm.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.State;

public sealed class StoreEffectTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task WhenAnEffectThrowsAfterAwaiting_TheStoreRaisesUnhandledException()
    {
        var reported = _harness.NextUnhandledExceptionsAsync();

        _harness.Store.Dispatch(new FailAsyncAction("boom"));

        var exception = (await reported).ShouldHaveSingleItem();
        exception.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("boom");
    }

    [Fact]
    public async Task WhenAnEffectThrowsAfterAwaiting_EffectFailedActionCarriesTheActionAndTheException()
    {
        _harness.Store.Dispatch(new FailAsyncAction("boom"));

        var state = await StoreHarness.WhenAsync(_harness.Counter, s => s.Failures.Count > 0);

        state.Failures.ShouldBe(["FailAsyncAction: boom"]);
    }

    [Fact]
    public async Task WhenAnEffectThrowsBeforeReturningATask_TheFailureIsReportedToo()
    {
        var reported = _harness.NextUnhandledExceptionsAsync();

        _harness.Store.Dispatch(new FailSynchronouslyAction("sync boom"));

        (await reported).ShouldHaveSingleItem().Message.ShouldBe("sync boom");
        var state = await StoreHarness.WhenAsync(_harness.Counter, s => s.Failures.Count > 0);
        state.Failures.ShouldBe(["FailSynchronouslyAction: sync boom"]);
    }

    [Fact]
    public async Task WhenAnEffectFails_TheStoreKeepsReducingLaterActions()
    {
        _harness.Store.Dispatch(new FailAsyncAction("boom"));
        await StoreHarness.WhenAsync(_harness.Counter, s => s.Failures.Count > 0);

        _harness.Store.Dispatch(new IncrementAction());

        _harness.Counter.Value.Count.ShouldBe(1);
    }

    [Fact]
    public async Task WhenTheEffectHandlingAFailureThrowsToo_BothExceptionsReachTheUser()
    {
        var reported = _harness.NextUnhandledExceptionsAsync(count: 2);

        _harness.Store.Dispatch(new FailTwiceAction("first"));

        var exceptions = await reported;
        exceptions.Select(e => e.Message).ShouldBe(["first", "Handling failed too: first"], ignoreOrder: true);

        // Reported, but not turned into another EffectFailedAction: that could loop forever.
        _harness.Counter.Value.Failures.ShouldBe(["FailTwiceAction: first"]);
    }

    [Fact]
    public void WhenAnEffectRuns_ItGetsItsServicesFromTheCircuitScope()
    {
        _harness.Store.Dispatch(new ProbeAction("here"));

        var probe = _harness.Services.GetRequiredService<EffectProbe>();
        probe.Seen.ShouldHaveSingleItem().Label.ShouldBe("here");
    }

    [Fact]
    public void WhenTwoCircuitsRunTheSameEffect_EachUsesItsOwnScopedServices()
    {
        using var other = _harness.NewCircuit();
        var otherStore = other.ServiceProvider.GetRequiredService<Store>();

        _harness.Store.Dispatch(new ProbeAction("mine"));
        otherStore.Dispatch(new ProbeAction("theirs"));

        _harness.Services.GetRequiredService<EffectProbe>().Seen.Select(s => s.Label).ShouldBe(["mine"]);
        other.ServiceProvider.GetRequiredService<EffectProbe>().Seen.Select(s => s.Label).ShouldBe(["theirs"]);
    }

    [Fact]
    public void WhenAnEffectStarts_TheReducersForItsActionHaveAlreadyRun()
    {
        _harness.Store.Dispatch(new IncrementAction());
        _harness.Store.Dispatch(new ProbeAction("after one"));

        _harness.Services.GetRequiredService<EffectProbe>().Seen.ShouldHaveSingleItem().CountSeen.ShouldBe(1);
    }

    [Fact]
    public void WhenAnEffectIsResolved_ItIsOneInstancePerCircuit()
    {
        var first = _harness.Services.GetRequiredService<CounterEffects>();
        var second = _harness.Services.GetRequiredService<CounterEffects>();
        using var other = _harness.NewCircuit();

        first.ShouldBeSameAs(second);
        other.ServiceProvider.GetRequiredService<CounterEffects>().ShouldNotBeSameAs(first);
    }
}
