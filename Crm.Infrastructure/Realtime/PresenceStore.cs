using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// Where each instance keeps who is on a board through it (an opaque JSON list per instance), so that
/// every instance can show everybody. Entries of an instance that stops refreshing them expire.
/// </summary>
public interface IPresenceStore
{
    /// <summary>Stores this instance's list for the board (empty removes it) and keeps it alive for the time to live.</summary>
    Task SaveAsync(Guid tenantId, string board, string entriesJson, CancellationToken cancellationToken = default);

    /// <summary>The lists of every instance whose entries are alive, this one included.</summary>
    Task<IReadOnlyList<string>> ReadAsync(Guid tenantId, string board, CancellationToken cancellationToken = default);
}

/// <summary>One instance: its own lists are all there is.</summary>
public sealed class LocalPresenceStore : IPresenceStore
{
    private readonly ConcurrentDictionary<(Guid, string), string> _lists = new();

    public Task SaveAsync(Guid tenantId, string board, string entriesJson, CancellationToken cancellationToken = default)
    {
        _lists[(tenantId, board)] = entriesJson;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ReadAsync(Guid tenantId, string board, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>(_lists.TryGetValue((tenantId, board), out var json) ? [json] : []);
}

/// <summary>
/// Presence of a cluster: one Redis key per instance and board with a time to live, refreshed by the
/// instance's heartbeat, and a set naming the instances of the board. An instance that dies stops
/// refreshing; its key expires and the others' next heartbeat announces the board without it.
/// </summary>
public sealed class RedisPresenceStore(IConnectionMultiplexer redis, string instanceId, TimeSpan timeToLive) : IPresenceStore
{
    public static readonly TimeSpan DefaultTimeToLive = TimeSpan.FromSeconds(30);

    public TimeSpan TimeToLive => timeToLive;

    public async Task SaveAsync(Guid tenantId, string board, string entriesJson, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var members = MembersKey(tenantId, board);
        if (entriesJson is "[]" or "")
        {
            await db.KeyDeleteAsync(EntriesKey(tenantId, board, instanceId));
            await db.SetRemoveAsync(members, instanceId);
            return;
        }

        await db.StringSetAsync(EntriesKey(tenantId, board, instanceId), entriesJson, timeToLive);
        await db.SetAddAsync(members, instanceId);
        await db.KeyExpireAsync(members, timeToLive * 4);
    }

    public async Task<IReadOnlyList<string>> ReadAsync(Guid tenantId, string board, CancellationToken cancellationToken = default)
    {
        var db = redis.GetDatabase();
        var members = MembersKey(tenantId, board);
        var instances = await db.SetMembersAsync(members);
        if (instances.Length == 0)
        {
            return [];
        }

        var keys = instances.Select(i => EntriesKey(tenantId, board, (string)i!)).ToArray();
        var values = await db.StringGetAsync(keys);
        var expired = instances.Where((_, index) => values[index].IsNull).ToArray();
        if (expired.Length > 0)
        {
            await db.SetRemoveAsync(members, expired);
        }

        return [.. values.Where(v => !v.IsNull).Select(v => (string)v!)];
    }

    private static RedisKey MembersKey(Guid tenantId, string board) => $"crm:presence:{tenantId:N}:{board}";

    private static RedisKey EntriesKey(Guid tenantId, string board, string instance) => $"crm:presence:{tenantId:N}:{board}:{instance}";
}
