using Crm.Web.State;

namespace Crm.Web.Tests.Support;

/// <summary>A feature state that never changes: for services tested with a recording dispatcher instead of the store.</summary>
public sealed class FixedState<TState>(TState value) : IState<TState>
{
    public TState Value => value;

    public event EventHandler? StateChanged
    {
        add { }
        remove { }
    }
}
