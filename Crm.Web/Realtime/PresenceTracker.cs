using System.Collections.Concurrent;
using System.Text.Json;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Realtime;

public sealed record PresenceEntry(Guid UserId, string UserName, string DisplayName, Guid? EditingCardId);

/// <summary>
/// Who is on which board right now, and which card each is dragging or editing. Ephemeral: kept in
/// memory and announced on the board feed as unsequenced Presence events, never stored.
/// </summary>
public sealed class PresenceTracker(IBoardFeed feed, TimeProvider clock)
{
    private readonly ConcurrentDictionary<(Guid Tenant, string Board), ConcurrentDictionary<Guid, PresenceEntry>> _boards = new();

    public async Task JoinAsync(Guid tenantId, string board, Guid sessionId, PresenceEntry entry)
    {
        _boards.GetOrAdd((tenantId, board), _ => new()).AddOrUpdate(sessionId, entry, (_, _) => entry);
        await AnnounceAsync(tenantId, board);
    }

    public async Task LeaveAsync(Guid tenantId, string board, Guid sessionId)
    {
        if (_boards.TryGetValue((tenantId, board), out var sessions) && sessions.TryRemove(sessionId, out _))
        {
            await AnnounceAsync(tenantId, board);
        }
    }

    public async Task SetEditingAsync(Guid tenantId, string board, Guid sessionId, Guid? cardId)
    {
        if (_boards.TryGetValue((tenantId, board), out var sessions) && sessions.TryGetValue(sessionId, out var entry) && entry.EditingCardId != cardId)
        {
            sessions[sessionId] = entry with { EditingCardId = cardId };
            await AnnounceAsync(tenantId, board);
        }
    }

    /// <summary>One entry per user (a user with two tabs is present once).</summary>
    public IReadOnlyList<PresenceEntry> Present(Guid tenantId, string board) =>
        _boards.TryGetValue((tenantId, board), out var sessions)
            ? sessions.Values.GroupBy(e => e.UserId).Select(g => g.FirstOrDefault(e => e.EditingCardId is not null) ?? g.First()).OrderBy(e => e.DisplayName).ToList()
            : [];

    public static IReadOnlyList<PresenceEntry> Read(BoardEvent presenceEvent) =>
        JsonSerializer.Deserialize<List<PresenceEntry>>(presenceEvent.CardJson ?? "[]") ?? [];

    private ValueTask AnnounceAsync(Guid tenantId, string board)
    {
        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(Present(tenantId, board));
        return feed.PublishAsync(new BoardEvent(
            tenantId, board, 0, BoardEventKinds.Presence, Guid.Empty, 0, null, null, json, null, null, null, now, now));
    }
}
