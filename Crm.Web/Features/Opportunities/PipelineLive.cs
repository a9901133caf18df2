using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

/// <summary>
/// The circuit's live link to the pipeline board: one <see cref="BoardConnection"/> while a pipeline
/// page is open, presence while it is, visibility applied to every event (an event never reaches a
/// user who could not query the card).
/// </summary>
public sealed class PipelineLive(
    IBoardFeed feed, OpportunityCommands commands, CurrentUser currentUser, PresenceTracker presence, IDispatcher dispatcher) : IAsyncDisposable
{
    private readonly Guid _session = Guid.NewGuid();
    private BoardConnection? _connection;

    public BoardConnection? Connection => _connection;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_connection is not null)
        {
            await _connection.ResyncAsync(cancellationToken);
            return;
        }

        var scope = currentUser.RequireScope();
        _connection = new BoardConnection(feed, scope.TenantId.Value, Boards.Opportunities, ReloadAsync, Apply, OnPresence);
        await _connection.StartAsync(cancellationToken);
        var userName = currentUser.Principal.Identity?.Name ?? string.Empty;
        await presence.JoinAsync(scope.TenantId.Value, Boards.Opportunities, _session, new PresenceEntry(scope.UserId.Value, userName, currentUser.DisplayName, null));
    }

    /// <summary>After the circuit reconnects: events may have been missed while the link was down.</summary>
    public Task ResyncAsync() => _connection?.ResyncAsync() ?? Task.CompletedTask;

    public Task SetEditingAsync(Guid? cardId) =>
        currentUser.Scope is { } scope ? presence.SetEditingAsync(scope.TenantId.Value, Boards.Opportunities, _session, cardId) : Task.CompletedTask;

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
            await presence.LeaveAsync(scope.TenantId.Value, Boards.Opportunities, _session);
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<long> ReloadAsync(CancellationToken cancellationToken)
    {
        var load = await commands.LoadBoardAsync(cancellationToken);
        dispatcher.Dispatch(new LoadPipelineSucceededAction(load.Cards, load.Settings));
        return load.Sequence;
    }

    private void Apply(BoardEvent boardEvent)
    {
        if (boardEvent.CardJson is null)
        {
            return;
        }

        var card = OpportunityCard.FromJson(boardEvent.CardJson);
        var scope = currentUser.Scope;
        if (boardEvent.Kind == BoardEventKinds.Removed || scope is null || !OpportunityCommands.CanSee(scope, card))
        {
            // Not (or no longer) visible to this user: it leaves the board if it was on it.
            dispatcher.Dispatch(new OpportunityRemovedRemotelyAction(card.Id));
            return;
        }

        dispatcher.Dispatch(new OpportunityChangedRemotelyAction(card));
    }

    private void OnPresence(BoardEvent boardEvent) =>
        dispatcher.Dispatch(new PipelinePresenceChangedAction(PresenceTracker.Read(boardEvent).ToImmutableList()));
}
