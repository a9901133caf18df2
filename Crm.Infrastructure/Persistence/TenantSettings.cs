using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Persistence;

public static class TenantSettings
{
    /// <summary>
    /// The pipeline rules of the context's tenant (the defaults while it has none of its own), from the database's
    /// <see cref="TenantSettingsCache"/> when the context has one.
    /// </summary>
    public static Task<PipelineSettings> PipelineAsync(CrmDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.HasTenant && db.DatabaseModel is { } model
            ? model.Settings.PipelineAsync(db.CurrentTenantId, () => ReadPipelineAsync(db, cancellationToken))
            : ReadPipelineAsync(db, cancellationToken);
    }

    private static async Task<PipelineSettings> ReadPipelineAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Tenants.AsNoTracking().Select(t => t.CustomPipeline).FirstOrDefaultAsync(cancellationToken) ?? PipelineSettings.Default;

    /// <summary>The public-pool rules of the context's tenant (the defaults while it has none of its own).</summary>
    public static async Task<PoolPolicy> PoolAsync(CrmDbContext db, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Select(t => t.CustomPool).FirstOrDefaultAsync(cancellationToken) ?? PoolPolicy.Default;

    /// <summary>The service-level hours of the context's tenant (the defaults while it has none of its own).</summary>
    public static async Task<SlaPolicy> SlaAsync(CrmDbContext db, CancellationToken cancellationToken = default) =>
        await db.Tenants.AsNoTracking().Select(t => t.CustomSla).FirstOrDefaultAsync(cancellationToken) ?? SlaPolicy.Default;
}
