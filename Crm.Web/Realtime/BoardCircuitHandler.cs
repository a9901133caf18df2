using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Crm.Web.Realtime;

/// <summary>A circuit that comes back after a network drop may have missed events: its boards reload.</summary>
internal sealed class BoardCircuitHandler(params IEnumerable<LiveBoardLink> boards) : CircuitHandler
{
    private bool _wasDown;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown)
        {
            return Task.CompletedTask;
        }

        _wasDown = false;
        return Task.WhenAll(boards.Select(b => b.ResyncAsync()));
    }
}
