using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>
/// A real database of the provider under test (<see cref="TestServers.Provider"/>: a SQLite file in the
/// temp folder, or a fresh PostgreSQL database), one per test class (an xunit class fixture), removed
/// afterwards. Services are composed like Crm.Web/CrmServices.cs: the same persistence
/// registration, Identity with the same options, stores, claims factory and confirmation.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    private readonly ScratchDatabase _scratch;

    public TestDatabase()
        : this(null)
    {
    }

    /// <param name="configure">Adds to the app's services before the provider is built (the live engine, for instance).</param>
    protected TestDatabase(Action<IServiceCollection>? configure)
    {
        _scratch = new ScratchDatabase("crm-tests");
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
        Services = BuildServices(_scratch.Provider, ConnectionString, Clock, configure);
        Model = Services.GetRequiredService<DatabaseModel>();
    }

    public DatabaseProvider Provider => _scratch.Provider;

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath => _scratch.FilePath;

    public string ConnectionString => _scratch.ConnectionString;

    public FakeTimeProvider Clock { get; }

    public ServiceProvider Services { get; }

    public DatabaseModel Model { get; }

    public CrmDbContext CreateSystem() => Model.CreateSystem();

    public CrmDbContext CreateFor(TenantId tenantId) => Model.CreateFor(tenantId);

    /// <summary>A DI scope whose contexts and Identity stores belong to <paramref name="tenantId"/> (none when null).</summary>
    public AsyncServiceScope OpenScope(TenantId? tenantId = null)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestTenant>().TenantId = tenantId;
        return scope;
    }

    public Task MigrateAsync() => DatabaseInitializer.MigrateAsync(Model);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        _scratch.Drop();
    }

    private static ServiceProvider BuildServices(DatabaseProvider provider, string connectionString, TimeProvider clock, Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = provider.ToString(),
                ["ConnectionStrings:Crm"] = connectionString,
            })
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddCrmPersistence(configuration, Path.GetTempPath());
        services.AddScoped<TestTenant>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<TestTenant>());

        services.AddCrmIdentity();

        // The only deviation from CrmServices: a cheap password hash (the default is 100,000
        // PBKDF2 rounds, about a tenth of a second per sign-in check), so the suite stays fast.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);

        services.AddDemoSeeding();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

/// <summary>The name this fixture had before it became provider-selectable; kept for tests written against it.</summary>
public class SqliteDatabase : TestDatabase
{
    public SqliteDatabase()
    {
    }

    protected SqliteDatabase(Action<IServiceCollection>? configure)
        : base(configure)
    {
    }
}

/// <summary>Migrated, empty.</summary>
public class MigratedDatabase : TestDatabase
{
    public override Task InitializeAsync() => MigrateAsync();
}

/// <summary>Migrated and seeded with the demo data: tenant "huayu" and tenant "other".</summary>
public class DemoDatabase : TestDatabase
{
    public override async Task InitializeAsync()
    {
        await MigrateAsync();
        await DemoSeeding.SeedAsync(Services);
    }
}
