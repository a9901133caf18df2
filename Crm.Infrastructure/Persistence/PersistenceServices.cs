using Crm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Persistence;

public static class PersistenceServices
{
    /// <summary>
    /// Database:Provider picks the provider (Sqlite, the default, or Postgres). ConnectionStrings:Crm overrides the
    /// SQLite file, which otherwise is Database:Path (default data/crm.db under the content root);
    /// PostgreSQL needs it. Database:SqliteSynchronous is Normal (default) or Full (ADR-008).
    /// </summary>
    public static IServiceCollection AddCrmPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = Enum.Parse<DatabaseProvider>(configuration["Database:Provider"] ?? nameof(DatabaseProvider.Sqlite), ignoreCase: true);
        DbContextOptions options = provider switch
        {
            DatabaseProvider.Sqlite => SqliteOptions(
                SqliteConnectionString(configuration, contentRoot),
                Enum.Parse<SqliteSynchronous>(configuration["Database:SqliteSynchronous"] ?? nameof(SqliteSynchronous.Normal), ignoreCase: true)),
            DatabaseProvider.Postgres => PostgresOptions(configuration.GetConnectionString("Crm") is { Length: > 0 } connectionString
                ? connectionString
                : throw new InvalidOperationException("Database:Provider is Postgres: set ConnectionStrings:Crm (ConnectionStrings__Crm).")),
            _ => throw new NotSupportedException($"Database provider {provider} is not supported."),
        };

        services.AddSingleton(sp => new DatabaseModel(provider, options, sp.GetService<Realtime.BoardOutbox>()));
        services.AddScoped<IDbContextFactory<CrmDbContext>, CrmDbContextFactory>();

        // Identity's stores need a context in the scope; one HTTP request is one operation.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContext());
        return services;
    }

    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Crm");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = configuration["Database:Path"] ?? Path.Combine("data", "crm.db");
        var full = Path.IsPathRooted(path) ? path : Path.Combine(contentRoot, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return $"Data Source={full}";
    }

    public static DbContextOptions<PostgresCrmDbContext> PostgresOptions(string connectionString) =>
        new DbContextOptionsBuilder<PostgresCrmDbContext>()
            .UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresCrmDbContext).Assembly.GetName().Name))
            .Options;

    /// <summary>SQLite options; every connection gets <paramref name="synchronous"/> (WAL + NORMAL by default, ADR-008).</summary>
    public static DbContextOptions<SqliteCrmDbContext> SqliteOptions(string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Normal) =>
        new DbContextOptionsBuilder<SqliteCrmDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteCrmDbContext).Assembly.GetName().Name))
            .AddInterceptors(new SqliteSynchronousInterceptor(synchronous))
            .Options;
}
