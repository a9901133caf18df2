using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.State;

/// <summary>
/// One store per circuit. Dispatch is safe from any thread: actions queue up and are reduced one
/// at a time in dispatch order; features that changed are notified; then the effects for the action
/// start. An effect that throws is reported through <see cref="UnhandledException"/> and an
/// <see cref="EffectFailedAction"/>, never swallowed; a reducer that throws is reported through
/// <see cref="UnhandledException"/>, its action's effects do not start, and later actions are reduced as usual.
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

    /// <summary>Raised when an effect, a reducer or a StateChanged handler fails; on whichever thread noticed it.</summary>
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
        var drained = false;
        try
        {
            while (TryDequeue(out var action))
            {
                if (Reduce(action))
                {
                    StartEffects(action);
                }
            }

            drained = true;
        }
        finally
        {
            if (!drained)
            {
                // Something escaped (an UnhandledException handler threw): let the next Dispatch drain.
                lock (_gate)
                {
                    _draining = false;
                }
            }
        }
    }

    private bool TryDequeue(out object action)
    {
        lock (_gate)
        {
            if (_queue.TryDequeue(out action!))
            {
                return true;
            }

            _draining = false;
            return false;
        }
    }

    /// <summary>
    /// Reduces the action and notifies the features that changed; false when a reducer threw. A reducer or a
    /// StateChanged handler that throws is reported like a failed effect and the other features carry on:
    /// thrown into whichever thread happens to drain, it would leave the store stuck in "draining", with
    /// every later action queued and never reduced.
    /// </summary>
    private bool Reduce(object action)
    {
        var reduced = true;
        var changed = new List<IFeature>();
        foreach (var feature in _features.Values)
        {
            try
            {
                if (feature.Reduce(action))
                {
                    changed.Add(feature);
                }
            }
            catch (Exception exception)
            {
                reduced = false;
                UnhandledException?.Invoke(this, exception);
            }
        }

        foreach (var feature in changed)
        {
            try
            {
                feature.NotifyChanged();
            }
            catch (Exception exception)
            {
                UnhandledException?.Invoke(this, exception);
            }
        }

        return reduced;
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
        catch (Exception exception)
        {
            UnhandledException?.Invoke(this, exception);

            // An effect that handles a failure and fails too is reported, but not turned into another
            // EffectFailedAction: that could loop forever.
            if (action is not EffectFailedAction)
            {
                Dispatch(new EffectFailedAction(action, exception));
            }
        }
    }
}
