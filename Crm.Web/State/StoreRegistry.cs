using System.Linq.Expressions;
using System.Reflection;

namespace Crm.Web.State;

/// <summary>What reflection found once per app: feature states, reducers by action type, effect methods.</summary>
public sealed class StoreRegistry
{
    private readonly Dictionary<Type, List<ReducerEntry>> _reducersByState = [];
    private readonly List<EffectEntry> _effects = [];

    public StoreRegistry(params Assembly[] assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetTypes()).ToList();
        FeatureTypes = types.Where(t => t.GetCustomAttribute<FeatureStateAttribute>() is not null).ToList();
        foreach (var feature in FeatureTypes)
        {
            _reducersByState[feature] = [];
        }

        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)))
        {
            if (method.GetCustomAttribute<ReducerMethodAttribute>() is null)
            {
                continue;
            }

            var parameters = method.GetParameters();
            if (parameters.Length != 2 || parameters[0].ParameterType != method.ReturnType || !_reducersByState.TryGetValue(method.ReturnType, out var reducers))
            {
                throw new InvalidOperationException($"Reducer {method.DeclaringType?.Name}.{method.Name} must be static TState M(TState, TAction) of a [FeatureState].");
            }

            reducers.Add(new ReducerEntry(parameters[1].ParameterType, method));
        }

        foreach (var type in types.Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.GetCustomAttribute<EffectMethodAttribute>() is null)
                {
                    continue;
                }

                var parameters = method.GetParameters();
                if (parameters.Length != 2 || parameters[1].ParameterType != typeof(IDispatcher) || method.ReturnType != typeof(Task))
                {
                    throw new InvalidOperationException($"Effect {type.Name}.{method.Name} must be Task M(TAction, IDispatcher).");
                }

                _effects.Add(new EffectEntry(type, parameters[0].ParameterType, CompileEffect(type, method, parameters[0].ParameterType)));
            }
        }

        EffectTypes = _effects.Select(e => e.EffectType).Distinct().ToList();
    }

    public IReadOnlyList<Type> FeatureTypes { get; }

    public IReadOnlyList<Type> EffectTypes { get; }

    internal IReadOnlyList<EffectEntry> Effects => _effects;

    internal IFeature CreateFeature(Type stateType)
    {
        var reducers = _reducersByState[stateType];
        var create = typeof(StoreRegistry).GetMethod(nameof(CreateTypedFeature), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(stateType);
        return (IFeature)create.Invoke(null, [reducers])!;
    }

    private static Feature<TState> CreateTypedFeature<TState>(List<ReducerEntry> entries)
        where TState : class
    {
        var initial = Activator.CreateInstance<TState>();
        var reducers = entries
            .Select(entry =>
            {
                var typed = (Func<TState, object, TState>)CompileReducer<TState>(entry);
                return typed;
            })
            .ToList();
        return new Feature<TState>(initial, reducers);
    }

    private static Delegate CompileReducer<TState>(ReducerEntry entry)
    {
        // (state, action) => action is TAction a ? M(state, a) : state
        var state = Expression.Parameter(typeof(TState), "state");
        var action = Expression.Parameter(typeof(object), "action");
        var body = Expression.Condition(
            Expression.TypeIs(action, entry.ActionType),
            Expression.Call(entry.Method, state, Expression.Convert(action, entry.ActionType)),
            state);
        return Expression.Lambda<Func<TState, object, TState>>(body, state, action).Compile();
    }

    private static Func<object, object, IDispatcher, Task> CompileEffect(Type type, MethodInfo method, Type actionType)
    {
        var instance = Expression.Parameter(typeof(object), "effect");
        var action = Expression.Parameter(typeof(object), "action");
        var dispatcher = Expression.Parameter(typeof(IDispatcher), "dispatcher");
        var call = Expression.Call(Expression.Convert(instance, type), method, Expression.Convert(action, actionType), dispatcher);
        return Expression.Lambda<Func<object, object, IDispatcher, Task>>(call, instance, action, dispatcher).Compile();
    }

    internal sealed record ReducerEntry(Type ActionType, MethodInfo Method);

    internal sealed record EffectEntry(Type EffectType, Type ActionType, Func<object, object, IDispatcher, Task> Invoke);
}
