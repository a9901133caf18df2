using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.State;

/// <summary>
/// One store per circuit. Dispatch is safe from any thread: actions queue up and are reduced one
/// at a time in dispatch order; features that changed are notified; then the effects for the action
/// start. An effect that throws is reported through <see cref="UnhandledException"/> and an
/// <see cref="EffectFailedAction"/>, never swallowed.
/// </summary>
public sealed class Store : IDispatcher
{
    private readonly Dictionary<Type, IFeature> _features;
    private readonly StoreRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly Queue<object> _queue = new();
    private readonly Lock _gate = new();
    private bool _draining;

    public Store(StoreRegistry registry, IServiceProvider services)
    {
        _registry = registry;
        _services = services;
        _features = registry.FeatureTypes.ToDictionary(t => t, registry.CreateFeature);
    }

    /// <summary>Raised (on the dispatching thread) when an effect fails.</summary>
    public event EventHandler<Exception>? UnhandledException;

    public IState<TState> GetState<TState>()
        where TState : class =>
        _features.TryGetValue(typeof(TState), out var feature)
            ? (IState<TState>)feature
            : throw new InvalidOperationException($"{typeof(TState).Name} is not a [FeatureState].");

    public void Dispatch(object action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (_gate)
        {
            _queue.Enqueue(action);
            if (_draining)
            {
                // The thread already draining will reduce it after the current action, in order.
                return;
            }

            _draining = true;
        }

        Drain();
    }

    private void Drain()
    {
        while (true)
        {
            object action;
            lock (_gate)
            {
                if (!_queue.TryDequeue(out action!))
                {
                    _draining = false;
                    return;
                }
            }

            var changed = new List<IFeature>();
            foreach (var feature in _features.Values)
            {
                if (feature.Reduce(action))
                {
                    changed.Add(feature);
                }
            }

            foreach (var feature in changed)
            {
                feature.NotifyChanged();
            }

            StartEffects(action);
        }
    }

    private void StartEffects(object action)
    {
        foreach (var effect in _registry.Effects)
        {
            if (!effect.ActionType.IsInstanceOfType(action))
            {
                continue;
            }

            Task task;
            try
            {
                task = effect.Invoke(_services.GetRequiredService(effect.EffectType), action, this);
            }
            catch (Exception exception)
            {
                task = Task.FromException(exception);
            }

            _ = ObserveAsync(task, action);
        }
    }

    private async Task ObserveAsync(Task effect, object action)
    {
        try
        {
            await effect;
        }
        catch (Exception exception) when (action is not EffectFailedAction)
        {
            UnhandledException?.Invoke(this, exception);
            Dispatch(new EffectFailedAction(action, exception));
        }
    }
}
