using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Notifications;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// The one model of Crm. Provider subclasses (<see cref="SqliteCrmDbContext"/>) own their migrations.
/// Every tenant-owned row is filtered by <see cref="CurrentTenantId"/>; a context made without a
/// tenant sees no tenant data at all, only the user table (sign-in looks users up by email).
/// </summary>
public abstract class CrmDbContext : IdentityDbContext<CrmUser, CrmRole, Guid>
{
    public const string TenantFilter = "Tenant";

    /// <summary>Matches no row: the tenant of a context that has none.</summary>
    internal static readonly TenantId NoTenant = new(Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"));

    private readonly DatabaseModel? _database;
    private readonly ICurrentActor? _actor;

    protected CrmDbContext(DbContextOptions options, ICurrentTenant tenant, DatabaseModel? database)
        : base(options)
    {
        CurrentTenantId = tenant.TenantId ?? NoTenant;
        _database = database;
        _actor = tenant as ICurrentActor;
    }

    public TenantId CurrentTenantId { get; }

    public bool HasTenant => CurrentTenantId != NoTenant;

    /// <summary>The database this context belongs to (null for design-time contexts).</summary>
    public DatabaseModel? DatabaseModel => _database;

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<Shop> Shops => Set<Shop>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<UserShopMembership> UserShops => Set<UserShopMembership>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<CustomerOwnershipChange> CustomerOwnershipChanges => Set<CustomerOwnershipChange>();

    public DbSet<Domain.Approvals.ApprovalRequest> ApprovalRequests => Set<Domain.Approvals.ApprovalRequest>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<WorkOrder> WorkOrders => Set<WorkOrder>();
    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<Domain.AfterSales.AfterSalesRequest> AfterSalesRequests => Set<Domain.AfterSales.AfterSalesRequest>();

    public DbSet<Domain.AfterSales.Refund> Refunds => Set<Domain.AfterSales.Refund>();

    public DbSet<Realtime.OutboxMessage> OutboxMessages => Set<Realtime.OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrmDbContext).Assembly);

        builder.Entity<Tenant>().HasQueryFilter(TenantFilter, t => t.Id == CurrentTenantId);
        builder.Entity<CrmUser>().HasQueryFilter(TenantFilter, u => !HasTenant || u.TenantId == CurrentTenantId);

        // Identity's own tables belong to a user, so they follow the user's tenant.
        builder.Entity<IdentityUserRole<Guid>>().HasQueryFilter(TenantFilter, r => !HasTenant || Users.Any(u => u.Id == r.UserId));
        builder.Entity<IdentityUserClaim<Guid>>().HasQueryFilter(TenantFilter, c => !HasTenant || Users.Any(u => u.Id == c.UserId));
        builder.Entity<IdentityUserLogin<Guid>>().HasQueryFilter(TenantFilter, l => !HasTenant || Users.Any(u => u.Id == l.UserId));
        builder.Entity<IdentityUserToken<Guid>>().HasQueryFilter(TenantFilter, t => !HasTenant || Users.Any(u => u.Id == t.UserId));

        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && entityType.BaseType is null)
            {
                typeof(CrmDbContext)
                    .GetMethod(nameof(FilterByTenant), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                    .MakeGenericMethod(entityType.ClrType)
                    .Invoke(this, [builder]);
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        IdConverters.Register(configurationBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var tenants = ChangedTenants();
        try
        {
            BeforeSave();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ForgetSettings(tenants);
        }
    }

    /// <summary>
    /// Saves; when an aggregate on a board changed, its board events are numbered and written to
    /// the outbox in the same transaction and published after commit (ARCHITECTURE.md §2).
    /// On SQLite every write waits its turn at the database's single-writer gate.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var tenants = ChangedTenants();
        try
        {
            return await SaveAndPublishAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            // After commit (or failure): a read that starts now sees the saved rules.
            ForgetSettings(tenants);
        }
    }

    private List<TenantId> ChangedTenants() =>
        [.. ChangeTracker.Entries<Tenant>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.Id)];

    private void ForgetSettings(List<TenantId> tenants)
    {
        if (tenants.Count > 0)
        {
            _database?.Settings.Forget(tenants);
        }
    }

    private async Task<int> SaveAndPublishAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var outbox = _database?.Outbox;
        if (outbox is not null && HasTenant)
        {
            // What follows from the change (notifications of an approval step) is added first, so it is saved, numbered and published with it.
            await outbox.ReactAsync(this, cancellationToken);
        }

        BeforeSave();
        var onBoards = outbox is null
            ? []
            : ChangeTracker.Entries()
                .Select(e => e.Entity)
                .OfType<IHasDomainEvents>()
                .Where(e => e.DomainEvents.Count > 0 && outbox.Handles(e))
                .ToList();

        // Cards are projected (names read) before the write turn, so the turn holds only the numbering and the writes.
        var projected = onBoards.Count == 0 || outbox is null || !HasTenant ? [] : await outbox.ProjectAsync(this, onBoards, cancellationToken);
        if (projected.Count > 0 && _database?.Writes is { } queue && Database.CurrentTransaction is null && Database.GetDbConnection().State == System.Data.ConnectionState.Closed)
        {
            // SQLite: written with the other saves waiting for the write turn, in one transaction (group commit), and published.
            var written = await queue.WriteAsync(this, projected, cancellationToken);
            if (acceptAllChangesOnSuccess)
            {
                ChangeTracker.AcceptAllChanges();
            }

            ClearDomainEvents();
            return written;
        }

        using var gate = _database is null ? null : await _database.EnterWriteAsync(cancellationToken);
        if (onBoards.Count == 0 || outbox is null || !HasTenant)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            ClearDomainEvents();
            return saved;
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // One SaveChanges writes the change and its outbox rows. Changes are accepted only after
            // commit, so a failure leaves the context as unsaved as the database.
            var rows = await outbox.AppendAsync(this, projected, _actor, cancellationToken);
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: ownTransaction is null ? false : acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }
            }

            var events = rows.Select(r => (r.Row.Id, r.Event)).ToList();

            ClearDomainEvents();
            gate?.Dispose();
            if (ownTransaction is not null)
            {
                await outbox.PublishCommittedAsync(_database!, events, cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }


    /// <summary>
    /// The write half of a board save inside <see cref="SqliteWriteQueue"/>'s shared transaction: number the cards, add
    /// their outbox rows, write. Changes stay unaccepted until the queue's commit; the caller accepts them.
    /// </summary>
    internal async Task<(int Count, IReadOnlyList<(long OutboxId, Realtime.BoardEvent Event)> Events)> WriteInBatchAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        IReadOnlyList<(string Board, Realtime.BoardCard Card)> projected,
        CancellationToken cancellationToken)
    {
        Database.SetDbConnection(connection, contextOwnsConnection: false);
        await Database.UseTransactionAsync(transaction, cancellationToken);
        Database.AutoSavepointsEnabled = false;
        var rows = await _database!.Outbox!.AppendAsync(this, projected, _actor, cancellationToken);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        // The rows' ids are in their entries until the changes are accepted (after the queue's commit).
        return (count, [.. rows.Select(r => (Entry(r.Row).Property(m => m.Id).CurrentValue, r.Event))]);
    }

    /// <summary>Gives the context its own connection back after a batch (it owns and disposes <paramref name="own"/>).</summary>
    internal void LeaveBatch(System.Data.Common.DbConnection own)
    {
        Database.UseTransaction(null);
        Database.AutoSavepointsEnabled = true;
        Database.SetDbConnection(own, contextOwnsConnection: true);
    }

    private void ClearDomainEvents()
    {
        foreach (var entity in ChangeTracker.Entries().Select(e => e.Entity).OfType<IHasDomainEvents>())
        {
            entity.ClearDomainEvents();
        }
    }

    private void FilterByTenant<TEntity>(ModelBuilder builder)
        where TEntity : class, ITenantOwned =>
        builder.Entity<TEntity>().HasQueryFilter(TenantFilter, e => e.TenantId == CurrentTenantId);

    /// <summary>
    /// Refuses to write another tenant's rows, and bumps the Version of every aggregate that
    /// changed so that a writer holding an older Version fails its concurrency check.
    /// </summary>
    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            // default(TenantId) skips the id's constructor: a row written with it could never be read back.
            if (entry.State is EntityState.Added or EntityState.Modified
                && OwningTenant(entry.Entity) is { } tenant
                && tenant.Value == Guid.Empty)
            {
                throw new InvalidOperationException("A tenant-owned row has no tenant.");
            }

            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && HasTenant
                && OwningTenant(entry.Entity) is { } owner
                && owner != CurrentTenantId)
            {
                throw new InvalidOperationException("A write crossed tenants.");
            }
        }

        foreach (var entry in ChangeTracker.Entries())
        {
            var versionProperty = entry.Metadata.FindProperty("Version");
            if (versionProperty is null || entry.Entity is not IVersioned versioned)
            {
                continue;
            }

            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && HasChangedOwnedOrChildren(entry)))
            {
                versioned.IncrementVersion();
                if (entry.State == EntityState.Unchanged)
                {
                    entry.State = EntityState.Modified;
                }
            }
            else if (entry.State == EntityState.Added && versioned.Version == 0)
            {
                versioned.IncrementVersion();
            }
        }
    }

    /// <summary>The tenant a row belongs to: tenant-owned rows, and also the tenant row itself and its users.</summary>
    private static TenantId? OwningTenant(object entity) => entity switch
    {
        ITenantOwned owned => owned.TenantId,
        Tenant tenant => tenant.Id,
        CrmUser user => user.TenantId,
        _ => null,
    };

    private static bool HasChangedOwnedOrChildren(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        entry.Navigations
            .Where(n => n.Metadata.TargetEntityType.IsOwned() || n is Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry)
            .SelectMany(n => n is Microsoft.EntityFrameworkCore.ChangeTracking.CollectionEntry c
                ? (c.CurrentValue?.Cast<object>() ?? [])
                : n.CurrentValue is null ? [] : [n.CurrentValue])
            .Select(child => entry.Context.Entry(child))
            .Any(child => child.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
}
