using System.Collections.Concurrent;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// The pipeline rules of each tenant, read once instead of on every move. A save that changes a tenant row through
/// this database forgets that tenant's rules after it commits (<see cref="CrmDbContext"/>), so the next read sees them.
/// Another instance's save (a cluster) reaches this one when the entry expires, after <see cref="Lifetime"/> at most.
/// </summary>
public sealed class TenantSettingsCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<TenantId, (PipelineSettings Settings, long ExpiresAt)> _pipelines = new();
    private long _generation;

    public async Task<PipelineSettings> PipelineAsync(TenantId tenant, Func<Task<PipelineSettings>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var now = Environment.TickCount64;
        if (_pipelines.TryGetValue(tenant, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Settings;
        }

        // A save that commits while this read runs forgets the tenant; then what was read may be older, so it is not kept.
        var generation = Interlocked.Read(ref _generation);
        var settings = await load();
        if (Interlocked.Read(ref _generation) == generation)
        {
            _pipelines[tenant] = (settings, now + (long)Lifetime.TotalMilliseconds);
        }

        return settings;
    }

    public void Forget(IEnumerable<TenantId> tenants)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        foreach (var tenant in tenants)
        {
            Interlocked.Increment(ref _generation);
            _pipelines.TryRemove(tenant, out _);
        }
    }
}
