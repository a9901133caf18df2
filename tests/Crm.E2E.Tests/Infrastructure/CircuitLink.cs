using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>
/// A page's Blazor circuit connection (the <c>/_blazor</c> WebSocket) routed through the test, so that
/// the test can hold what the server sends. While held, the page keeps showing what it showed (as on
/// a slow network) and what the user does still reaches the server: the way to make "two users act
/// on the same card at once" happen every time instead of by luck. Route before the page navigates.
/// </summary>
public sealed partial class CircuitLink
{
    private readonly Lock _gate = new();
    private readonly List<(IWebSocketRoute Page, IWebSocketFrame Frame)> _held = [];
    private bool _holding;
    private int _connections;

    /// <summary>How many circuit connections went through this link (0 means the page never connected through it).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<CircuitLink> RouteAsync(IPage page)
    {
        var link = new CircuitLink();
        await page.RouteWebSocketAsync(BlazorHub(), link.Connect);
        return link;
    }

    /// <summary>From now on, what the server sends waits here instead of reaching the page.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _holding = true;
        }
    }

    /// <summary>Delivers everything held, in order, and lets the server's messages through again.</summary>
    public void Release()
    {
        lock (_gate)
        {
            foreach (var (page, frame) in _held)
            {
                Deliver(page, frame);
            }

            _held.Clear();
            _holding = false;
        }
    }

    private void Connect(IWebSocketRoute page)
    {
        Interlocked.Increment(ref _connections);

        // Messages from the page go to the server untouched; those from the server pass the gate.
        var server = page.ConnectToServer();
        server.OnMessage(frame =>
        {
            lock (_gate)
            {
                if (_holding)
                {
                    _held.Add((page, frame));
                }
                else
                {
                    Deliver(page, frame);
                }
            }
        });
    }

    private static void Deliver(IWebSocketRoute page, IWebSocketFrame frame)
    {
        if (frame.Binary is { } binary)
        {
            page.Send(binary);
        }
        else
        {
            page.Send(frame.Text ?? string.Empty);
        }
    }

    [GeneratedRegex("/_blazor")]
    private static partial Regex BlazorHub();
}
