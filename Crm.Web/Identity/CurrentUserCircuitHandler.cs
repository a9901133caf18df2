using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Crm.Web.Identity;

/// <summary>Copies the circuit's user into the circuit's <see cref="CurrentUser"/> before the first render.</summary>
internal sealed class CurrentUserCircuitHandler(CurrentUser currentUser, AuthenticationStateProvider authentication)
    : CircuitHandler, IDisposable
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        authentication.AuthenticationStateChanged += OnAuthenticationChanged;
        var state = await authentication.GetAuthenticationStateAsync();
        currentUser.Set(state.User);
        await base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public void Dispose() => authentication.AuthenticationStateChanged -= OnAuthenticationChanged;

    private void OnAuthenticationChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => currentUser.Set(t.Result.User), TaskScheduler.Default);
}
