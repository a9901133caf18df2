using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace Crm.Web.State;

/// <summary>
/// A component that re-renders when a feature it injected as <see cref="IState{TState}"/> changes.
/// The change may come from any thread (a live feed): the re-render is marshalled with InvokeAsync.
/// </summary>
public abstract class StoreComponent : ComponentBase, IDisposable
{
    private readonly List<IState<object>> _subscriptions = [];
    private bool _disposed;

    [Inject]
    protected IDispatcher Dispatcher { get; set; } = default!;

    protected override void OnInitialized()
    {
        foreach (var property in GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IState<>)
                && property.GetValue(this) is IState<object> state)
            {
                state.StateChanged += OnStateChanged;
                _subscriptions.Add(state);
            }
        }

        base.OnInitialized();
    }

    protected void Dispatch(object action) => Dispatcher.Dispatch(action);

    private void OnStateChanged(object? sender, EventArgs e)
    {
        if (_disposed)
        {
            return;
        }

        _ = InvokeAsync(StateHasChanged);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var state in _subscriptions)
        {
            state.StateChanged -= OnStateChanged;
        }
    }
}
