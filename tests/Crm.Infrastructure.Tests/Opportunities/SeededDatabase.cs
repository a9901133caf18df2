using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Infrastructure.Tests.Opportunities;

/// <summary>
/// A throwaway database of the provider under test (schema by EnsureCreated, only here) filled by the real demo seeding,
/// organization included, at a fixed clock.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);

    private readonly ScratchDatabase _scratch = new("crm-seed");
    private ServiceProvider? _services;

    public DatabaseModel Model => _services!.GetRequiredService<DatabaseModel>();

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = _scratch.Provider.ToString(),
                ["ConnectionStrings:Crm"] = _scratch.ConnectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<ICurrentTenant>(FixedTenant.None);
        services.AddCrmPersistence(configuration, Path.GetTempPath());
        services.AddIdentityCore<CrmUser>().AddRoles<CrmRole>().AddEntityFrameworkStores<CrmDbContext>();
        services.AddDemoSeeding();
        _services = services.BuildServiceProvider();

        await using (var db = Model.CreateSystem())
        {
            await db.Database.EnsureCreatedAsync();
        }

        await SeedAsync();
    }

    public Task SeedAsync() => DemoSeeding.SeedAsync(_services!);

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        _scratch.Drop();
    }
}
