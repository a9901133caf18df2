namespace Crm.Web.State;

/// <summary>A feature's state: an immutable record with a parameterless constructor giving the initial state.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class FeatureStateAttribute : Attribute;

/// <summary>A pure static reducer: <c>static TState On(TState state, TAction action)</c>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReducerMethodAttribute : Attribute;

/// <summary>An effect: <c>Task Handle(TAction action, IDispatcher dispatcher)</c> on a class resolved per circuit.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EffectMethodAttribute : Attribute;
