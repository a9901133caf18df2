using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// Creates one context per operation for the tenant of the current user (circuit or request).
/// Registered scoped, so that the tenant comes from the scope while the options stay shared.
/// </summary>
public sealed class CrmDbContextFactory(DatabaseModel model, ICurrentTenant tenant) : IDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext() => model.Create(tenant);

    /// <summary>A context for an explicitly named tenant, whatever the scope's tenant is.</summary>
    public static CrmDbContext ForTenant(IDbContextFactory<CrmDbContext> factory, TenantId tenantId) =>
        factory is CrmDbContextFactory crm
            ? crm.Model.Create(new FixedTenant(tenantId))
            : throw new InvalidOperationException("Crm contexts come from CrmDbContextFactory.");

    internal DatabaseModel Model => model;
}

/// <summary>The provider and options chosen by configuration; creates contexts for any tenant.</summary>
public sealed class DatabaseModel(DatabaseProvider provider, DbContextOptions options)
{
    public DatabaseProvider Provider { get; } = provider;

    public CrmDbContext Create(ICurrentTenant tenant) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCrmDbContext((DbContextOptions<SqliteCrmDbContext>)options, tenant),
        _ => throw new NotSupportedException($"Database provider {Provider} is not supported yet."),
    };

    public CrmDbContext CreateSystem() => Create(FixedTenant.None);

    public CrmDbContext CreateFor(TenantId tenantId) => Create(new FixedTenant(tenantId));
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
