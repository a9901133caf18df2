using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>
/// Two instances of the real app on two loopback ports over one fresh PostgreSQL database and one
/// redis-server of the fixture's own (which a test may stop and start again): Database:Provider=Postgres,
/// Realtime:Feed=Redis, as in docker-compose.yml. Instance A seeds the demo data, then B starts.
/// PostgreSQL comes from CRM_TEST_PG (default: the crm/crm role on 127.0.0.1:5432, which test.sh sets up).
/// </summary>
public sealed class CrmCluster : IAsyncLifetime
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=crm;Password=crm;Database=postgres";

    private static readonly Lazy<string?> MissingServices = new(FindMissing);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-e2e-cluster", Guid.NewGuid().ToString("N"));
    private string? _database;

    public CrmHost A { get; private set; } = default!;

    public CrmHost B { get; private set; } = default!;

    public RedisServer Redis { get; private set; } = default!;

    public static string Postgres { get; } = Environment.GetEnvironmentVariable("CRM_TEST_PG") is { Length: > 0 } pg ? pg : DefaultPostgres;

    /// <summary>Under test.sh (CRM_TEST_SERVICES=required) a missing server fails the cluster tests instead of skipping them.</summary>
    public static bool Required { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CRM_TEST_SERVICES"), "required", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when PostgreSQL answers and redis-server is installed; otherwise what is missing and how to get it.</summary>
    public static string? Missing => MissingServices.Value;

    /// <summary>A new context on the demo tenant's data (through instance A); the caller disposes it.</summary>
    public CrmDbContext DemoDatabase() => A.Services.GetRequiredService<DatabaseModel>().CreateFor(DemoIds.DemoTenant);

    public async Task InitializeAsync()
    {
        if (Missing is { } why)
        {
            if (Required)
            {
                throw new InvalidOperationException("The two-instance tests need PostgreSQL and Redis: " + why);
            }

            return; // the tests are skipped (ClusterFact)
        }

        _database = $"crm_e2e_{Guid.NewGuid():N}";
        await RunOnServerAsync($"CREATE DATABASE \"{_database}\"");
        Redis = RedisServer.Start();
        var shared = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Crm"] = new NpgsqlConnectionStringBuilder(Postgres) { Database = _database }.ToString(),
            ["Realtime:Feed"] = "Redis",
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,

            // As CrmApp: the tests name demo cards anywhere in a column, so every one loads at once.
            ["Pipeline:CardsPerColumn"] = "60",
        };
        // Separate key folders: if keys ever fell back to files, a cookie of A would not be valid on B.
        A = CrmHost.Start(new Dictionary<string, string>(shared) { ["Demo:Seed"] = "true", ["DataProtection:KeysPath"] = KeysFolder("a") });
        B = CrmHost.Start(new Dictionary<string, string>(shared) { ["Demo:Seed"] = "false", ["DataProtection:KeysPath"] = KeysFolder("b") });
    }

    public async Task DisposeAsync()
    {
        if (_database is null)
        {
            return;
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (A is not null)
        {
            await A.DisposeAsync();
        }

        Redis?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        NpgsqlConnection.ClearAllPools();
        await RunOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    private string KeysFolder(string instance) => Path.Combine(_folder, instance, "keys");

    private static async Task RunOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string? FindMissing()
    {
        var missing = new List<string>();
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Postgres) { Timeout = 20 }.ToString());
            connection.Open();
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            missing.Add($"PostgreSQL at \"{Postgres}\" failed ({exception.Message}); run ./test.sh, which starts it and creates the crm role, or set CRM_TEST_PG");
        }

        if (RedisServer.Missing is { } redis)
        {
            missing.Add(redis);
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }
}

/// <summary>A two-instance test: skipped when a developer lacks PostgreSQL or redis-server, failed under test.sh.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public ClusterFactAttribute()
    {
        if (!CrmCluster.Required && CrmCluster.Missing is { } why)
        {
            Skip = why;
        }
    }
}
