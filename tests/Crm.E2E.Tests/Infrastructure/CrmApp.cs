using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>
/// The real Crm app on real Kestrel, on its own loopback port and its own SQLite file, migrated and
/// seeded with the demo tenants at start. One per test class: tests never see another class's data.
/// </summary>
public sealed class CrmApp : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crm-e2e", Guid.NewGuid().ToString("N"));
    private CrmHost? _host;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The running app's services, to read what the database holds (never to change it behind the UI's back).</summary>
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>A new context on the demo tenant's data; the caller disposes it.</summary>
    public CrmDbContext DemoDatabase() => Services.GetRequiredService<DatabaseModel>().CreateFor(DemoIds.DemoTenant);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _host = CrmHost.Start(new Dictionary<string, string>
        {
            ["ConnectionStrings:Crm"] = $"Data Source={Path.Combine(_folder, "crm.db")}",
            ["Demo:Seed"] = "true",

            // The tests name demo cards anywhere in a column (up to ~40 a column): every one loads at once.
            ["Pipeline:CardsPerColumn"] = "60",
        });
        BaseAddress = _host.BaseAddress;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is null)
        {
            return;
        }

        await _host.DisposeAsync();
        _host = null;
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
