namespace Crm.Web.State;

public interface IDispatcher
{
    /// <summary>Safe from any thread. Actions are reduced one at a time, in the order dispatched.</summary>
    void Dispatch(object action);
}

public interface IState<out TState>
{
    TState Value { get; }

    /// <summary>Raised after a reducer produced a state that is not equal to the previous one.</summary>
    event EventHandler? StateChanged;
}

/// <summary>Dispatched by the store when an effect throws, so that the failure reaches the user.</summary>
public sealed record EffectFailedAction(object Action, Exception Exception);
