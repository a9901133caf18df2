using Crm.Web.State;

namespace Crm.Web.Features.Shell;

/// <summary>Unexpected failures propagate: the store reports them to the user (see MainLayout).</summary>
public sealed class ShellEffects(ShellCommands commands)
{
    [EffectMethod]
    public async Task HandleLoadShops(LoadShopsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadShopsSucceededAction(await commands.LoadShopsAsync()));
}
