using System.Collections.Concurrent;
using System.Text.Json;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Realtime;

public sealed record PresenceEntry(Guid UserId, string UserName, string DisplayName, Guid? EditingCardId);

/// <summary>
/// Who is on which board right now, and which card each is dragging or editing. Ephemeral: this
/// instance's sessions are kept in memory, shared with the other instances through the
/// <see cref="IPresenceStore"/> (Redis, with a time to live, in a cluster) and announced on the board
/// feed as unsequenced Presence events, never stored in the database. Presence is best effort: a
/// feed or store that is away never fails opening a board.
/// </summary>
public sealed class PresenceTracker(IBoardFeed feed, TimeProvider clock, IPresenceStore store, ILogger<PresenceTracker> logger)
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Board), ConcurrentDictionary<Guid, PresenceEntry>> _boards = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Board), string> _announced = new();

    public Task JoinAsync(Guid tenantId, string board, Guid sessionId, PresenceEntry entry)
    {
        _boards.GetOrAdd((tenantId, board), _ => new()).AddOrUpdate(sessionId, entry, (_, _) => entry);
        return AnnounceAsync(tenantId, board, force: true);
    }

    public async Task LeaveAsync(Guid tenantId, string board, Guid sessionId)
    {
        if (_boards.TryGetValue((tenantId, board), out var sessions) && sessions.TryRemove(sessionId, out _))
        {
            await AnnounceAsync(tenantId, board, force: true);
        }
    }

    public async Task SetEditingAsync(Guid tenantId, string board, Guid sessionId, Guid? cardId)
    {
        if (_boards.TryGetValue((tenantId, board), out var sessions) && sessions.TryGetValue(sessionId, out var entry) && entry.EditingCardId != cardId)
        {
            sessions[sessionId] = entry with { EditingCardId = cardId };
            await AnnounceAsync(tenantId, board, force: true);
        }
    }

    /// <summary>The sessions of this instance, one entry per user (a user with two tabs is present once).</summary>
    public IReadOnlyList<PresenceEntry> Present(Guid tenantId, string board) =>
        _boards.TryGetValue((tenantId, board), out var sessions) ? Collapse(sessions.Values) : [];

    /// <summary>
    /// Keeps this instance's entries alive in the store and announces every board whose presence
    /// changed meanwhile elsewhere (another instance's user came, left, or their instance died).
    /// </summary>
    public async Task HeartbeatAsync(CancellationToken cancellationToken = default)
    {
        foreach (var key in _boards.Keys.Union(_announced.Keys).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await AnnounceAsync(key.Tenant, key.Board, force: false);
        }
    }

    public static IReadOnlyList<PresenceEntry> Read(BoardEvent presenceEvent) =>
        JsonSerializer.Deserialize<List<PresenceEntry>>(presenceEvent.CardJson ?? "[]") ?? [];

    private static List<PresenceEntry> Collapse(IEnumerable<PresenceEntry> entries) =>
        entries.GroupBy(e => e.UserId).Select(g => g.FirstOrDefault(e => e.EditingCardId is not null) ?? g.First()).OrderBy(e => e.DisplayName).ToList();

    private async Task AnnounceAsync(Guid tenantId, string board, bool force)
    {
        var here = Present(tenantId, board);
        IEnumerable<PresenceEntry> everybody = here;
        try
        {
            await store.SaveAsync(tenantId, board, JsonSerializer.Serialize(here));
            var lists = await store.ReadAsync(tenantId, board);
            everybody = lists.SelectMany(json => JsonSerializer.Deserialize<List<PresenceEntry>>(json) ?? []).Concat(here);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "The presence store is away; announcing this instance's presence only.");
        }

        var json = JsonSerializer.Serialize(Collapse(everybody));
        var previous = _announced.TryGetValue((tenantId, board), out var last) ? last : null;
        if (!force && previous == json)
        {
            return;
        }

        if (json == "[]" && !_boards.TryGetValue((tenantId, board), out _))
        {
            _announced.TryRemove((tenantId, board), out _);
        }
        else
        {
            _announced[(tenantId, board)] = json;
        }

        try
        {
            var now = clock.GetUtcNow();
            await feed.PublishAsync(new BoardEvent(
                tenantId, board, 0, BoardEventKinds.Presence, Guid.Empty, 0, null, null, json, null, null, null, now, now));
        }
        catch (Exception exception)
        {
            // Presence is ephemeral; the next heartbeat announces it again.
            _announced.TryRemove((tenantId, board), out _);
            logger.LogDebug(exception, "Announcing presence failed; the next heartbeat tries again.");
        }
    }
}

/// <summary>Keeps this instance's presence alive in the cluster and notices others coming, going and dying.</summary>
internal sealed class PresenceHeartbeat(PresenceTracker presence, TimeSpan interval, TimeProvider clock, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.HeartbeatAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The presence heartbeat failed; trying again in {Interval}.", interval);
            }
        }
    }
}
