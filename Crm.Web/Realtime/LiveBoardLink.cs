using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;

namespace Crm.Web.Realtime;

/// <summary>
/// A circuit's live link to one board: one <see cref="BoardConnection"/> while a page of the board is
/// open, and presence while it is. The board's slice says how to reload, how to apply a visible event
/// and where presence goes. Several pages of a circuit may share one link: each <see cref="Hold"/>s it
/// while open and <see cref="ReleaseAsync"/>s it on closing; the last one out stops it.
/// </summary>
public abstract class LiveBoardLink(IBoardFeed feed, CurrentUser currentUser, PresenceTracker presence, string board) : IAsyncDisposable
{
    private readonly Guid _session = Guid.NewGuid();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BoardConnection? _connection;
    private int _holders;
    private int _disposed;

    public BoardConnection? Connection => _connection;

    protected CurrentUser CurrentUser => currentUser;

    /// <summary>Starts the link, or brings it up to date when it is already running (a page opened again).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is not null)
            {
                await _connection.ResyncAsync(cancellationToken);
                return;
            }

            var scope = currentUser.RequireScope();
            _connection = new BoardConnection(feed, scope.TenantId.Value, board, ReloadAsync, Apply, e => OnPresence(PresenceTracker.Read(e).ToImmutableList()));
            await _connection.StartAsync(cancellationToken);
            var userName = currentUser.Principal.Identity?.Name ?? string.Empty;
            await presence.JoinAsync(scope.TenantId.Value, board, _session, new PresenceEntry(scope.UserId.Value, userName, currentUser.DisplayName, null));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After the circuit reconnects: events may have been missed while the link was down.</summary>
    public Task ResyncAsync() => _connection?.ResyncAsync() ?? Task.CompletedTask;

    /// <summary>Which card the user is dragging or editing (null: none), for everyone's presence bar.</summary>
    public Task SetEditingAsync(Guid? cardId) =>
        currentUser.Scope is { } scope ? presence.SetEditingAsync(scope.TenantId.Value, board, _session, cardId) : Task.CompletedTask;

    /// <summary>A page that shares the link holds it while it is open (called before it dispatches its load).</summary>
    public void Hold() => Interlocked.Increment(ref _holders);

    /// <summary>A page that held the link closed; the link stops when no page holds it any more.</summary>
    public async Task ReleaseAsync()
    {
        if (Interlocked.Decrement(ref _holders) > 0)
        {
            return;
        }

        await _gate.WaitAsync();
        try
        {
            if (Volatile.Read(ref _holders) <= 0)
            {
                await StopLinkAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopLinkAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the link. Idempotent: DI disposes a link once for each service it is registered as.</summary>
    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync();
        _gate.Dispose();
    }

    private async Task StopLinkAsync()
    {
        if (_connection is null)
        {
            return;
        }

        await _connection.DisposeAsync();
        _connection = null;
        if (currentUser.Scope is { } scope)
        {
            await presence.LeaveAsync(scope.TenantId.Value, board, _session);
        }
    }

    /// <summary>Loads the board into the store; returns the board sequence the load reflects.</summary>
    protected abstract Task<long> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>Applies one in-order event, after checking that this user may see its card.</summary>
    protected abstract void Apply(BoardEvent boardEvent);

    protected abstract void OnPresence(ImmutableList<PresenceEntry> present);
}
