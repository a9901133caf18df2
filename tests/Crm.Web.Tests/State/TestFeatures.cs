using System.Collections.Concurrent;
using System.Collections.Immutable;
using Crm.Web.State;

namespace Crm.Web.Tests.State;

// Test-only features, actions, reducers and effects. Stores built over this assembly (StoreRegistry(typeof(...).Assembly))
// see only these, so the production slices do not interfere with the store's own tests.

[FeatureState]
public sealed record CounterState
{
    public int Count { get; init; }

    /// <summary>Labels in the order their actions were reduced.</summary>
    public ImmutableList<string> Log { get; init; } = [];

    /// <summary>What <see cref="EffectFailedAction"/>s reported: the failed action and the message.</summary>
    public ImmutableList<string> Failures { get; init; } = [];
}

/// <summary>A second feature, to tell which features an action changed.</summary>
[FeatureState]
public sealed record FlagState
{
    public bool IsOn { get; init; }
}

public sealed record IncrementAction;

/// <summary>Sets the count; the same count gives a new but equal state.</summary>
public sealed record SetCountAction(int Count);

public sealed record RecordAction(string Label);

/// <summary>Reduced like <see cref="RecordAction"/>; its effect then dispatches <see cref="ThenRecord"/>, in order.</summary>
public sealed record RecordThenDispatchAction(string Label, ImmutableArray<string> ThenRecord);

public sealed record ToggleFlagAction;

/// <summary>Has no reducer at all.</summary>
public sealed record UnhandledAction;

public sealed record ThrowInReducerAction;

/// <summary>Its effect throws after its first await.</summary>
public sealed record FailAsyncAction(string Message);

/// <summary>Its effect throws before it returns a task.</summary>
public sealed record FailSynchronouslyAction(string Message);

/// <summary>Its effect fails, and so does the effect that handles that failure.</summary>
public sealed record FailTwiceAction(string Message);

/// <summary>Its effect records what it sees through its injected services.</summary>
public sealed record ProbeAction(string Label);

public static class CounterReducers
{
    [ReducerMethod]
    public static CounterState OnIncrement(CounterState state, IncrementAction action) =>
        state with { Count = state.Count + 1 };

    [ReducerMethod]
    public static CounterState OnSetCount(CounterState state, SetCountAction action) =>
        state with { Count = action.Count };

    [ReducerMethod]
    public static CounterState OnRecord(CounterState state, RecordAction action) =>
        state with { Log = state.Log.Add(action.Label) };

    [ReducerMethod]
    public static CounterState OnRecordThenDispatch(CounterState state, RecordThenDispatchAction action) =>
        state with { Log = state.Log.Add(action.Label) };

    [ReducerMethod]
    public static CounterState OnThrowInReducer(CounterState state, ThrowInReducerAction action) =>
        throw new InvalidOperationException("The reducer is broken.");

    /// <summary>The same action in another feature reduces fine: one broken reducer must not stop the others.</summary>
    [ReducerMethod]
    public static FlagState OnThrowInReducerForFlag(FlagState state, ThrowInReducerAction action) =>
        state with { IsOn = true };

    [ReducerMethod]
    public static CounterState OnEffectFailed(CounterState state, EffectFailedAction action) =>
        state with { Failures = state.Failures.Add($"{action.Action.GetType().Name}: {action.Exception.Message}") };

    [ReducerMethod]
    public static FlagState OnToggleFlag(FlagState state, ToggleFlagAction action) =>
        state with { IsOn = !state.IsOn };
}

/// <summary>A scoped service the effects depend on, so tests see what the effects did and in which scope.</summary>
public sealed class EffectProbe
{
    public ConcurrentQueue<(string Label, int CountSeen)> Seen { get; } = new();
}

public sealed class CounterEffects(EffectProbe probe, IState<CounterState> counter)
{
    public EffectProbe Probe => probe;

    [EffectMethod]
    public Task HandleRecordThenDispatch(RecordThenDispatchAction action, IDispatcher dispatcher)
    {
        foreach (var label in action.ThenRecord)
        {
            dispatcher.Dispatch(new RecordAction(label));
        }

        return Task.CompletedTask;
    }

    [EffectMethod]
    public async Task HandleFailAsync(FailAsyncAction action, IDispatcher dispatcher)
    {
        await Task.Yield();
        throw new InvalidOperationException(action.Message);
    }

    [EffectMethod]
    public Task HandleFailSynchronously(FailSynchronouslyAction action, IDispatcher dispatcher) =>
        throw new InvalidOperationException(action.Message);

    [EffectMethod]
    public async Task HandleFailTwice(FailTwiceAction action, IDispatcher dispatcher)
    {
        await Task.Yield();
        throw new InvalidOperationException(action.Message);
    }

    [EffectMethod]
    public async Task HandleFailureOfFailTwice(EffectFailedAction action, IDispatcher dispatcher)
    {
        if (action.Action is FailTwiceAction failed)
        {
            await Task.Yield();
            throw new InvalidOperationException("Handling failed too: " + failed.Message);
        }
    }

    [EffectMethod]
    public Task HandleThrowInReducer(ThrowInReducerAction action, IDispatcher dispatcher)
    {
        probe.Seen.Enqueue((nameof(ThrowInReducerAction), counter.Value.Count));
        return Task.CompletedTask;
    }

    [EffectMethod]
    public Task HandleProbe(ProbeAction action, IDispatcher dispatcher)
    {
        probe.Seen.Enqueue((action.Label, counter.Value.Count));
        return Task.CompletedTask;
    }
}
