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

/// <summary>
/// The provider and options chosen by configuration, and what every context of this database
/// shares: the board outbox and, for SQLite, the single-writer gate (PostgreSQL has row locks and needs
/// none). Creates contexts for any tenant.
/// </summary>
public sealed class DatabaseModel(DatabaseProvider provider, DbContextOptions options, Realtime.BoardOutbox? outbox = null)
{
    // SQLite allows one writer at a time; queueing writers here turns "database is locked" into a short wait.
    private readonly SemaphoreSlim? _writeGate = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public DatabaseProvider Provider { get; } = provider;

    /// <summary>SQLite's group commit of board saves (null elsewhere: PostgreSQL commits concurrent transactions itself).</summary>
    internal SqliteWriteQueue? Writes =>
        Provider == DatabaseProvider.Sqlite ? LazyInitializer.EnsureInitialized(ref _writes, () => new SqliteWriteQueue(this)) : null;

    private SqliteWriteQueue? _writes;

    public Realtime.BoardOutbox? Outbox { get; } = outbox;

    /// <summary>Tenant rules read per command (the pipeline's), kept between contexts and forgotten when a save changes them.</summary>
    public TenantSettingsCache Settings { get; } = new();

    public CrmDbContext Create(ICurrentTenant tenant) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteCrmDbContext((DbContextOptions<SqliteCrmDbContext>)options, tenant, this),
        DatabaseProvider.Postgres => new PostgresCrmDbContext((DbContextOptions<PostgresCrmDbContext>)options, tenant, this),
        _ => throw new NotSupportedException($"Database provider {Provider} is not supported."),
    };

    /// <summary>Waits for the write turn (SQLite) and returns it as a disposable; a no-op elsewhere.</summary>
    public async Task<IDisposable?> EnterWriteAsync(CancellationToken cancellationToken = default)
    {
        if (_writeGate is null)
        {
            return null;
        }

        await _writeGate.WaitAsync(cancellationToken);
        return new Turn(_writeGate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    /// <summary>The same database with another outbox (tests that make the write path fail).</summary>
    public DatabaseModel WithOutbox(Realtime.BoardOutbox? outbox) => new(Provider, options, outbox);

    public CrmDbContext CreateSystem() => Create(FixedTenant.None);

    public CrmDbContext CreateFor(TenantId tenantId) => Create(new FixedTenant(tenantId));
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
