using System.Net;
using System.Net.Sockets;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
    private CrmWebApplicationFactory? _factory;

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The running app's services, to read what the database holds (never to change it behind the UI's back).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>A new context on the demo tenant's data; the caller disposes it.</summary>
    public CrmDbContext DemoDatabase() => Services.GetRequiredService<DatabaseModel>().CreateFor(DemoIds.DemoTenant);

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var port = FreePort();
        _factory = new CrmWebApplicationFactory(Path.Combine(_folder, "crm.db"));
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is null)
        {
            return;
        }

        await _factory.DisposeAsync();
        _factory = null;
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CrmWebApplicationFactory(string databaseFile) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: the static web assets (_content/MudBlazor/*) are served from their packages.
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Crm", $"Data Source={databaseFile}");
            builder.UseSetting("Demo:Seed", "true");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
