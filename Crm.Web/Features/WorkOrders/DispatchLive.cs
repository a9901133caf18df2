using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.WorkOrders;

/// <summary>
/// The circuit's live link to the work-orders board, shared by the dispatch board, the technician's
/// list and the service dashboard. Each open page holds it; the last one to close stops it. Every
/// event passes the same visibility rule as the queries (a technician gets only their own orders).
/// </summary>
public sealed class DispatchLive(
    IBoardFeed feed, WorkOrderCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher) : IAsyncDisposable
{
    private readonly Guid _session = Guid.NewGuid();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BoardConnection? _connection;
    private int _holders;

    public BoardConnection? Connection => _connection;

    /// <summary>A page that shows work orders holds the link while it is open (called before it dispatches its load).</summary>
    public void Hold() => Interlocked.Increment(ref _holders);

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
            _connection = new BoardConnection(feed, scope.TenantId.Value, Boards.WorkOrders, ReloadAsync, Apply, OnPresence);
            await _connection.StartAsync(cancellationToken);
            var userName = currentUser.Principal.Identity?.Name ?? string.Empty;
            await presence.JoinAsync(scope.TenantId.Value, Boards.WorkOrders, _session, new PresenceEntry(scope.UserId.Value, userName, currentUser.DisplayName, null));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After the circuit reconnects: events may have been missed while the link was down.</summary>
    public Task ResyncAsync() => _connection?.ResyncAsync() ?? Task.CompletedTask;

    public Task SetEditingAsync(Guid? cardId) =>
        currentUser.Scope is { } scope ? presence.SetEditingAsync(scope.TenantId.Value, Boards.WorkOrders, _session, cardId) : Task.CompletedTask;

    /// <summary>A page closed; the link stops when no page holds it any more.</summary>
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
                await StopAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _gate.Dispose();
    }

    private async Task StopAsync()
    {
        if (_connection is null)
        {
            return;
        }

        await _connection.DisposeAsync();
        _connection = null;
        if (currentUser.Scope is { } scope)
        {
            await presence.LeaveAsync(scope.TenantId.Value, Boards.WorkOrders, _session);
        }
    }

    private async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var load = await commands.LoadBoardAsync(cancellationToken);
        dispatcher.Dispatch(new LoadDispatchSucceededAction(load.Cards, load.Technicians));
        return load.Sequence;
    }

    private void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.CardJson is null)
        {
            return;
        }

        var card = WorkOrderCard.FromJson(boardEvent.CardJson);
        var scope = currentUser.Scope;
        if (boardEvent.Kind == BoardEventKinds.Removed || scope is null || !WorkOrderCommands.CanSee(scope, card))
        {
            // Not (or no longer) visible to this user, e.g. reassigned away from this technician.
            dispatcher.Dispatch(new WorkOrderRemovedRemotelyAction(card.Id));
            return;
        }

        dispatcher.Dispatch(new WorkOrderChangedRemotelyAction(card));
    }

    private void OnPresence(BoardEvent boardEvent) =>
        dispatcher.Dispatch(new DispatchPresenceChangedAction(PresenceTracker.Read(boardEvent).ToImmutableList()));
}
