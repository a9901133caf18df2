using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.State;

public sealed class StoreStateChangedTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void WhenAReducerChangesTheState_StateChangedIsRaisedOnceWithTheNewValueInPlace()
    {
        var seen = new List<int>();
        _harness.Counter.StateChanged += (_, _) => seen.Add(_harness.Counter.Value.Count);

        _harness.Store.Dispatch(new IncrementAction());

        seen.ShouldBe([1]);
    }

    [Fact]
    public void WhenAReducerReturnsAnEqualButNewState_NoStateChangedIsRaised()
    {
        _harness.Store.Dispatch(new SetCountAction(5));
        var before = _harness.Counter.Value;
        var raised = 0;
        _harness.Counter.StateChanged += (_, _) => raised++;

        _harness.Store.Dispatch(new SetCountAction(5));

        raised.ShouldBe(0);
        _harness.Counter.Value.ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenNoReducerHandlesTheAction_NoStateChangedIsRaised()
    {
        var raised = 0;
        _harness.Counter.StateChanged += (_, _) => raised++;
        _harness.Flag.StateChanged += (_, _) => raised++;

        _harness.Store.Dispatch(new UnhandledAction());

        raised.ShouldBe(0);
    }

    [Fact]
    public void WhenAnActionChangesOneFeature_OnlyThatFeatureRaisesStateChanged()
    {
        var counterRaised = 0;
        var flagRaised = 0;
        _harness.Counter.StateChanged += (_, _) => counterRaised++;
        _harness.Flag.StateChanged += (_, _) => flagRaised++;

        _harness.Store.Dispatch(new ToggleFlagAction());

        flagRaised.ShouldBe(1);
        counterRaised.ShouldBe(0);
        _harness.Flag.Value.IsOn.ShouldBeTrue();
    }

    [Fact]
    public void WhenAnActionIsReduced_ThePreviousStateIsLeftUntouched()
    {
        _harness.Store.Dispatch(new RecordAction("a"));
        var before = _harness.Counter.Value;
        var copy = before with { };

        _harness.Store.Dispatch(new RecordAction("b"));

        before.ShouldBe(copy);
        before.Log.ShouldBe(["a"]);
        _harness.Counter.Value.Log.ShouldBe(["a", "b"]);
    }

    [Fact]
    public void WhenTheStoreStarts_EachFeatureHoldsItsInitialState()
    {
        _harness.Counter.Value.ShouldBe(new CounterState());
        _harness.Flag.Value.ShouldBe(new FlagState());
    }

    [Fact]
    public async Task WhenAReducerThrows_TheFailureIsReportedAndLaterActionsAreStillReduced()
    {
        var reported = _harness.NextUnhandledExceptionsAsync();

        _harness.Store.Dispatch(new ThrowInReducerAction());
        _harness.Store.Dispatch(new IncrementAction());

        (await reported).ShouldHaveSingleItem().Message.ShouldBe("The reducer is broken.");
        _harness.Counter.Value.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenAReducerThrows_OtherFeaturesStillReduceTheActionButItsEffectsDoNotStart()
    {
        var flagRaised = 0;
        _harness.Flag.StateChanged += (_, _) => flagRaised++;
        _harness.Store.UnhandledException += (_, _) => { };

        _harness.Store.Dispatch(new ThrowInReducerAction());

        _harness.Flag.Value.IsOn.ShouldBeTrue();
        flagRaised.ShouldBe(1);
        _harness.Services.GetRequiredService<EffectProbe>().Seen.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenAStateChangedHandlerThrows_TheFailureIsReportedAndTheStoreKeepsWorking()
    {
        var reported = _harness.NextUnhandledExceptionsAsync();
        var calls = 0;
        _harness.Counter.StateChanged += (_, _) =>
        {
            if (++calls == 1)
            {
                throw new InvalidOperationException("The handler is broken.");
            }
        };

        _harness.Store.Dispatch(new IncrementAction());
        _harness.Store.Dispatch(new IncrementAction());

        (await reported).ShouldHaveSingleItem().Message.ShouldBe("The handler is broken.");
        calls.ShouldBe(2);
        _harness.Counter.Value.Count.ShouldBe(2);
    }
}
