using System.Security.Claims;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crm.LoadTests;

/// <summary>
/// The real command path (OpportunityCommands → aggregate → SaveChanges with outbox, sequence and
/// publish) over a fresh SQLite file seeded with the demo company, without the web server.
/// </summary>
public sealed class BenchApp : IAsyncDisposable
{
    /// <summary>The PostgreSQL server the write-path scenario also runs on, when it answers (CRM_BENCH_PG overrides).</summary>
    public static readonly string PostgresServer = Environment.GetEnvironmentVariable("CRM_BENCH_PG") is { Length: > 0 } pg
        ? pg
        : "Host=127.0.0.1;Port=5432;Username=crm;Password=crm;Database=postgres";

    private readonly string _folder;
    private readonly bool _keepFolder;
    private readonly string? _postgresDatabase;

    private BenchApp(ServiceProvider services, string folder, bool keepFolder, string? postgresDatabase)
    {
        Services = services;
        _folder = folder;
        _keepFolder = keepFolder;
        _postgresDatabase = postgresDatabase;
    }

    public ServiceProvider Services { get; }

    public IBoardFeed Feed => Services.GetRequiredService<IBoardFeed>();

    public DatabaseModel Database => Services.GetRequiredService<DatabaseModel>();

    /// <summary>Whether the PostgreSQL server answers.</summary>
    public static async Task<bool> PostgresAvailableAsync()
    {
        try
        {
            await using var connection = new Npgsql.NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Migrates and seeds a SQLite file in <paramref name="folder"/> (a new temp folder when null, deleted on dispose),
    /// or, with <paramref name="postgres"/>, a new database on <see cref="PostgresServer"/> (dropped on dispose).
    /// </summary>
    public static async Task<BenchApp> StartAsync(string? folder = null, bool postgres = false)
    {
        var keepFolder = folder is not null;
        folder ??= Path.Combine(Path.GetTempPath(), "crm-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string? postgresDatabase = null;
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = $"Data Source={Path.Combine(folder, "crm.db")}" };
        if (postgres)
        {
            postgresDatabase = "crm_bench_" + Guid.NewGuid().ToString("N");
            await using (var server = new Npgsql.NpgsqlConnection(PostgresServer))
            {
                await server.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{postgresDatabase}\"", server);
                await create.ExecuteNonQueryAsync();
            }

            settings["Database:Provider"] = "Postgres";
            settings["ConnectionStrings:Crm"] = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer) { Database = postgresDatabase }.ToString();
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(TimeProvider.System);
        services.AddCrmPersistence(configuration, folder);
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddCrmIdentity();
        services.AddSingleton<IBoardFeed>(_ => new InProcessBoardFeed());
        services.AddSingleton<BoardOutbox>();
        services.AddSingleton<IBoardProjector, OpportunityBoardProjector>();
        services.AddSingleton<IBoardProjector, NotificationProjector>();
        services.AddScoped<OpportunityCommands>();
        services.AddDemoSeeding();
        var provider = services.BuildServiceProvider();
        await DatabaseInitializer.MigrateAsync(provider.GetRequiredService<DatabaseModel>());
        await DemoSeeding.SeedAsync(provider);
        return new BenchApp(provider, folder, keepFolder, postgresDatabase);
    }

    /// <summary>A DI scope acting as the head-office manager (sees every card).</summary>
    public AsyncServiceScope ManagerScope()
    {
        var scope = Services.CreateAsyncScope();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, DemoIds.Manager.Value.ToString()),
            new(ClaimTypes.Name, "manager@demo.local"),
            new(ClaimTypes.Role, Roles.Manager),
            new(CrmClaimTypes.TenantId, DemoIds.DemoTenant.Value.ToString()),
            new(CrmClaimTypes.DisplayName, "Wang Fang"),
            new(CrmClaimTypes.HeadOffice, "True"),
        };
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bench")));
        return scope;
    }

    /// <summary>Open cards that can move between First contact and Needs analysis with no blueprint requirement.</summary>
    public async Task<List<OpportunityCard>> MovableCardsAsync()
    {
        await using var db = Database.CreateFor(DemoIds.DemoTenant);
        var cards = await OpportunityCards.LoadAsync(
            db, db.Set<Opportunity>().Where(o => o.Stage == OpportunityStage.Lead || o.Stage == OpportunityStage.FirstContact || o.Stage == OpportunityStage.NeedsAnalysis), CancellationToken.None);
        return cards;
    }

    /// <summary>Head-office managers bench1..benchN@demo.local (password Demo123!): N different users who all see every card.</summary>
    public async Task AddManagersAsync(int count)
    {
        if (count == 0)
        {
            return;
        }

        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<CrmUser>>();
        for (var i = 1; i <= count; i++)
        {
            var user = new CrmUser
            {
                Id = Guid.NewGuid(),
                TenantId = DemoIds.DemoTenant,
                UserName = $"bench{i}@demo.local",
                Email = $"bench{i}@demo.local",
                EmailConfirmed = true,
                DisplayName = $"Bench Viewer {i}",
                IsHeadOffice = true,
            };
            Check(await users.CreateAsync(user, DemoSeeding.DemoPassword));
            Check(await users.AddToRoleAsync(user, Roles.Manager));
        }

        static void Check(Microsoft.AspNetCore.Identity.IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>
    /// Drops the run's database. The server may refuse for a moment (a background worker of another role still on it):
    /// try again a few times, then leave the uniquely named database behind and say so, rather than end the benchmark.
    /// </summary>
    private static async Task DropPostgresDatabaseAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var server = new Npgsql.NpgsqlConnection(PostgresServer);
                await server.OpenAsync();
                await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (Npgsql.PostgresException exception) when (attempt < 4)
            {
                Console.Error.WriteLine($"Dropping {name} failed (attempt {attempt}): {exception.MessageText}");
                await Task.Delay(500 * attempt);
            }
            catch (Npgsql.PostgresException exception)
            {
                Console.Error.WriteLine($"Benchmark database {name} left behind: {exception.MessageText}");
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<BoardOutbox>().FlushAsync();
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(_postgresDatabase);
        }

        if (_keepFolder)
        {
            return;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the OS; it is in the temp folder
        }
    }
}
