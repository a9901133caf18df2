using System.Globalization;
using System.Security.Claims;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Support;

/// <summary>
/// A real SQLite file per test, copied from a template that was migrated and demo-seeded once per test run
/// (seeding hashes passwords, which is too slow to repeat for every test).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "crm-web-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private static readonly Lazy<Task<byte[]>> Template = new(BuildTemplateAsync);

    static TestDatabase() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();

    private DatabaseModel? _model;

    public TestDatabase()
    {
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
    }

    public string FilePath { get; }

    public string ConnectionString => ConnectionStringFor(FilePath);

    public IConfiguration Configuration => ConfigurationFor(FilePath);

    /// <summary>Fills the file with the migrated, demo-seeded template.</summary>
    public async Task CreateAsync() => await File.WriteAllBytesAsync(FilePath, await Template.Value);

    /// <summary>A context of the demo tenant, to look at what the app wrote.</summary>
    public CrmDbContext OpenDemo() => Model().CreateFor(DemoIds.DemoTenant);

    public DatabaseModel Model() => _model ??= new ServiceCollection().AddCrmPersistence(Configuration, Folder).BuildServiceProvider().GetRequiredService<DatabaseModel>();

    public void Dispose()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        foreach (var file in new[] { FilePath, FilePath + "-wal", FilePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still open by a late effect stays in the temp folder; it does not affect other tests.
            }
        }
    }

    private static void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing else reads it.
        }
    }

    /// <summary>The services every use of the database needs, as the app composes them (CrmServices.AddCrm).</summary>
    public static IServiceCollection AddCrmData(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCrmPersistence(configuration, Folder);
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddIdentityCore<CrmUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
            })
            .AddRoles<CrmRole>()
            .AddEntityFrameworkStores<CrmDbContext>();
        return services;
    }

    private static string ConnectionStringFor(string file) => $"Data Source={file}";

    private static IConfiguration ConfigurationFor(string file) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Crm"] = ConnectionStringFor(file) }).Build();

    private static async Task<byte[]> BuildTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, "template.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        AddCrmData(services, ConfigurationFor(file));
        services.AddDemoSeeding();

        // The demo passwords still verify (the count is stored in each hash); 100,000 rounds per user only cost time.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        await using (var provider = services.BuildServiceProvider())
        {
            await DatabaseInitializer.MigrateAsync(provider.GetRequiredService<DatabaseModel>());
            await DemoSeeding.SeedAsync(provider);
        }

        // Closing the pooled connections checkpoints the WAL into the file, so the file alone is the database.
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(file);
        File.Delete(file);
        return bytes;
    }
}

/// <summary>Demo users (see DemoSeeding) as the claims the app's sign-in puts in the cookie.</summary>
public static class DemoUsers
{
    public const string DemoTenantName = "华宇塑料托盘 Huayu Pallets";

    public static DemoUser Admin { get; } = new(DemoIds.Admin, "admin@demo.local", "Zhou Qiang", Roles.Admin, HeadOffice: true, [DemoIds.TmallShop, DemoIds.JdShop, DemoIds.AlibabaShop]);

    public static DemoUser Rep1 { get; } = new(DemoIds.Rep1, "rep1@demo.local", "Li Wei", Roles.SalesRep, HeadOffice: false, [DemoIds.TmallShop]);

    public static DemoUser Manager { get; } = new(DemoIds.Manager, "manager@demo.local", "Wang Fang", Roles.Manager, HeadOffice: true, [DemoIds.TmallShop, DemoIds.JdShop, DemoIds.AlibabaShop]);

    public static DemoUser Rep2 { get; } = new(DemoIds.Rep2, "rep2@demo.local", "Zhang Min", Roles.SalesRep, HeadOffice: false, [DemoIds.JdShop]);

    public static DemoUser Dispatcher { get; } = new(DemoIds.Dispatcher, "dispatcher@demo.local", "Chen Jing", Roles.Dispatcher, HeadOffice: false, [DemoIds.TmallShop, DemoIds.JdShop]);

    public static DemoUser Finance { get; } = new(DemoIds.Finance, "finance@demo.local", "Sun Li", Roles.Finance, HeadOffice: true, [DemoIds.TmallShop, DemoIds.JdShop, DemoIds.AlibabaShop]);

    public static DemoUser Tech1 { get; } = new(DemoIds.Tech1, "tech1@demo.local", "Liu Yang", Roles.Technician, HeadOffice: false, [DemoIds.TmallShop, DemoIds.JdShop]);

    public static DemoUser Tech2 { get; } = new(DemoIds.Tech2, "tech2@demo.local", "Zhao Lei", Roles.Technician, HeadOffice: false, [DemoIds.TmallShop, DemoIds.JdShop]);
}

public sealed record DemoUser(UserId Id, string Email, string DisplayName, string Role, bool HeadOffice, IReadOnlyList<ShopId> Shops)
{
    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, Id.Value.ToString()),
            new(ClaimTypes.Name, Email),
            new(ClaimTypes.Role, Role),
            new(CrmClaimTypes.TenantId, DemoIds.DemoTenant.Value.ToString()),
            new(CrmClaimTypes.TenantName, DemoUsers.DemoTenantName),
            new(CrmClaimTypes.DisplayName, DisplayName),
            new(CrmClaimTypes.HeadOffice, HeadOffice.ToString(CultureInfo.InvariantCulture)),
        };
        claims.AddRange(Shops.Select(s => new Claim(CrmClaimTypes.ShopId, s.Value.ToString())));
        return new(new ClaimsIdentity(claims, "Test"));
    }
}
