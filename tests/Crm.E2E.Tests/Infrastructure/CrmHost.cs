using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>The real Crm app (Program) on real Kestrel on a free loopback port, configured by settings.</summary>
public sealed class CrmHost : IAsyncDisposable
{
    private readonly Factory _factory;

    private CrmHost(Factory factory, Uri baseAddress)
    {
        _factory = factory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _factory.Services;

    public static CrmHost Start(IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var factory = new Factory(settings);
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        return new CrmHost(factory, new Uri($"http://127.0.0.1:{port}/"));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Factory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Development: the static web assets (_content/MudBlazor/*) are served from their packages.
            builder.UseEnvironment("Development");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
