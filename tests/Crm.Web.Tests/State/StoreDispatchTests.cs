using System.Collections.Immutable;
using Crm.Web.State;

namespace Crm.Web.Tests.State;

public sealed class StoreDispatchTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void WhenAnActionIsDispatched_ItIsReducedBeforeDispatchReturns()
    {
        _harness.Store.Dispatch(new IncrementAction());

        _harness.Counter.Value.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenActionsAreDispatchedInSequence_TheyAreReducedInThatOrder()
    {
        foreach (var label in new[] { "a", "b", "c", "d" })
        {
            _harness.Store.Dispatch(new RecordAction(label));
        }

        _harness.Counter.Value.Log.ShouldBe(["a", "b", "c", "d"]);
    }

    [Fact]
    public void WhenAnEffectDispatches_ThoseActionsAreReducedAfterTheCurrentOneInFifoOrder()
    {
        _harness.Store.Dispatch(new RecordThenDispatchAction("first", ["second", "third"]));
        _harness.Store.Dispatch(new RecordAction("fourth"));

        _harness.Counter.Value.Log.ShouldBe(["first", "second", "third", "fourth"]);
    }

    [Fact]
    public void WhenAStateChangedHandlerDispatches_TheActionIsQueuedBehindTheCurrentOne()
    {
        var seenInsideHandler = new List<ImmutableList<string>>();
        var dispatched = false;
        _harness.Counter.StateChanged += (_, _) =>
        {
            if (!dispatched)
            {
                dispatched = true;
                _harness.Store.Dispatch(new RecordAction("from-handler"));

                // Not reduced re-entrantly: the handler still sees the state of the action being notified.
                seenInsideHandler.Add(_harness.Counter.Value.Log);
            }
        };

        _harness.Store.Dispatch(new RecordThenDispatchAction("first", ["from-effect"]));

        seenInsideHandler.ShouldHaveSingleItem().ShouldBe(["first"]);
        _harness.Counter.Value.Log.ShouldBe(["first", "from-handler", "from-effect"]);
    }

    [Fact]
    public void WhenManyThreadsDispatchAtOnce_NoActionIsLost()
    {
        Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => _harness.Store.Dispatch(new IncrementAction()));

        _harness.Counter.Value.Count.ShouldBe(1000);
    }

    [Fact]
    public void WhenManyThreadsDispatchAtOnce_EachThreadsActionsKeepTheirOrder()
    {
        const int threads = 8;
        const int perThread = 100;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            for (var i = 0; i < perThread; i++)
            {
                _harness.Store.Dispatch(new RecordAction($"{t}:{i}"));
            }
        });

        var log = _harness.Counter.Value.Log;
        log.Count.ShouldBe(threads * perThread);
        for (var t = 0; t < threads; t++)
        {
            var prefix = $"{t}:";
            log.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).ShouldBe(Enumerable.Range(0, perThread).Select(i => $"{t}:{i}"));
        }
    }

    [Fact]
    public void WhenManyThreadsDispatchAtOnce_StateChangedHandlersNeverRunConcurrently()
    {
        var active = 0;
        var overlaps = 0;
        var notifications = 0;
        _harness.Counter.StateChanged += (_, _) =>
        {
            if (Interlocked.Increment(ref active) > 1)
            {
                Interlocked.Increment(ref overlaps);
            }

            Interlocked.Increment(ref notifications);
            Thread.SpinWait(200);
            Interlocked.Decrement(ref active);
        };

        Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => _harness.Store.Dispatch(new IncrementAction()));

        overlaps.ShouldBe(0);
        notifications.ShouldBe(500);
        _harness.Counter.Value.Count.ShouldBe(500);
    }

    [Fact]
    public void WhenANullActionIsDispatched_ItIsRefused()
    {
        Should.Throw<ArgumentNullException>(() => _harness.Store.Dispatch(null!));
    }

    [Fact]
    public void WhenAStateIsNotAFeature_GetStateSaysSo()
    {
        Should.Throw<InvalidOperationException>(() => _harness.Store.GetState<string>())
            .Message.ShouldContain("String");
    }

    [Fact]
    public void WhenTheDispatcherIsResolved_ItIsTheCircuitsStore()
    {
        var dispatcher = (IDispatcher)_harness.Services.GetService(typeof(IDispatcher))!;

        dispatcher.Dispatch(new IncrementAction());

        dispatcher.ShouldBeSameAs(_harness.Store);
        _harness.Counter.Value.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenTwoCircuitsDispatch_EachHasItsOwnState()
    {
        using var other = _harness.NewCircuit();
        var otherCounter = (IState<CounterState>)other.ServiceProvider.GetService(typeof(IState<CounterState>))!;

        _harness.Store.Dispatch(new IncrementAction());
        _harness.Store.Dispatch(new IncrementAction());

        _harness.Counter.Value.Count.ShouldBe(2);
        otherCounter.Value.Count.ShouldBe(0);
    }
}
