namespace Crm.Web.State;

internal interface IFeature
{
    Type StateType { get; }

    /// <summary>Applies the reducers for the action; true when the state changed.</summary>
    bool Reduce(object action);

    void NotifyChanged();
}

internal sealed class Feature<TState>(TState initial, IReadOnlyList<Func<TState, object, TState>> reducers) : IFeature, IState<TState>
    where TState : class
{
    private TState _value = initial;

    public TState Value => Volatile.Read(ref _value);

    public Type StateType => typeof(TState);

    public event EventHandler? StateChanged;

    public bool Reduce(object action)
    {
        var current = _value;
        var next = current;
        foreach (var reducer in reducers)
        {
            next = reducer(next, action);
        }

        if (EqualityComparer<TState>.Default.Equals(current, next))
        {
            return false;
        }

        Volatile.Write(ref _value, next);
        return true;
    }

    public void NotifyChanged() => StateChanged?.Invoke(this, EventArgs.Empty);
}
