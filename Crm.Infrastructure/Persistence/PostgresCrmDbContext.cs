using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// The scale-out provider (Database:Provider=Postgres). Owns Migrations/Postgres. DateTimeOffset maps
/// to timestamptz, which holds UTC instants only: every time in Crm comes from TimeProvider in UTC.
/// The Version concurrency token stays the application-bumped column of the shared model (ADR-005).
/// </summary>
public sealed class PostgresCrmDbContext(DbContextOptions<PostgresCrmDbContext> options, ICurrentTenant tenant, DatabaseModel? database = null)
    : CrmDbContext(options, tenant, database)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Shared Data Protection keys: only a cluster needs them, and only PostgreSQL runs one (ADR-005).
        builder.Entity<DataProtectionKeyRow>(key =>
        {
            key.ToTable("DataProtectionKeys");
            key.Property(k => k.Xml).IsRequired();
        });
    }
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCrmDbContext>
{
    // Generating migrations needs no server: the connection string is never opened.
    public PostgresCrmDbContext CreateDbContext(string[] args) =>
        new(PersistenceServices.PostgresOptions("Host=localhost;Database=crm_design;Username=crm;Password=crm"), FixedTenant.None);
}
