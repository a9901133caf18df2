using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;

namespace Crm.Web.Realtime;

/// <summary>
/// A circuit's live link to one board: one <see cref="BoardConnection"/> while a page of the board is
/// open, and presence while it is. The board's slice says how to reload, how to apply a visible event
/// and where presence goes.
/// </summary>
public abstract class LiveBoardLink(IBoardFeed feed, CurrentUser currentUser, PresenceTracker presence, string board) : IAsyncDisposable
{
    private readonly Guid _session = Guid.NewGuid();
    private BoardConnection? _connection;

    public BoardConnection? Connection => _connection;

    protected CurrentUser CurrentUser => currentUser;

    public async Task StartAsync(CancellationToken cancellationToken = default)
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

    /// <summary>After the circuit reconnects: events may have been missed while the link was down.</summary>
    public Task ResyncAsync() => _connection?.ResyncAsync() ?? Task.CompletedTask;

    /// <summary>Which card the user is dragging or editing (null: none), for everyone's presence bar.</summary>
    public Task SetEditingAsync(Guid? cardId) =>
        currentUser.Scope is { } scope ? presence.SetEditingAsync(scope.TenantId.Value, board, _session, cardId) : Task.CompletedTask;

    public async Task StopAsync()
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

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return new(StopAsync());
    }

    /// <summary>Loads the board into the store; returns the board sequence the load reflects.</summary>
    protected abstract Task<long> ReloadAsync(CancellationToken cancellationToken);

    /// <summary>Applies one in-order event, after checking that this user may see its card.</summary>
    protected abstract void Apply(BoardEvent boardEvent);

    protected abstract void OnPresence(ImmutableList<PresenceEntry> present);
}
