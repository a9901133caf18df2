using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Crm.Infrastructure.Realtime;
using Crm.Web;
using Crm.Web.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crm.LoadTests;

/// <summary>
/// The real app as its own process on loopback: a SQLite file the harness migrates and seeds first
/// (the demo company plus bench users), then <c>Crm.Web.dll</c> of the harness's own build
/// configuration (Release when run with <c>-c Release</c>). With <c>pin</c>, the server runs on CPU 0
/// (taskset) and the harness moves itself, and the browsers it starts, to CPU 1.
/// </summary>
public sealed partial class BenchServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private BenchServer(Process process, Uri baseAddress, string folder, IReadOnlyList<Infrastructure.Realtime.OpportunityCard> movableCards)
    {
        _process = process;
        BaseAddress = baseAddress;
        _folder = folder;
        MovableCards = movableCards;
    }

    /// <summary>Open cards between First contact and Needs analysis (no stage requirement either way), as seeded.</summary>
    public IReadOnlyList<Infrastructure.Realtime.OpportunityCard> MovableCards { get; }

    public Uri BaseAddress { get; }

    public Uri HubUrl => new(BaseAddress, "hubs/boards");

    /// <summary>Lines the server logged at error or critical level ("fail:"/"crit:"), e.g. unhandled exceptions in circuits.</summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>SignalR connections the server closed because the client was silent for ClientTimeoutInterval (logged at Debug by HubConnectionContext; seen only when that category is at Debug).</summary>
    public int ClientTimeouts => Volatile.Read(ref _clientTimeouts);

    /// <summary>Connections Kestrel closed because the client read the response below the minimum data rate (logged at Debug).</summary>
    public int SlowReaderCloses => Volatile.Read(ref _slowReaderCloses);

    /// <summary>The server process's working set now (cheap: no GC), to stop adding load before the machine runs out of memory.</summary>
    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>The first few of those lines and of warnings, with the line after each (the logger's message).</summary>
    public IReadOnlyList<string> FirstServerErrors
    {
        get
        {
            lock (_firstErrors)
            {
                return [.. _firstErrors];
            }
        }
    }

    private int _serverErrors;
    private int _clientTimeouts;
    private int _slowReaderCloses;
    private readonly List<string> _firstErrors = [];
    private int _captureNext;

    public static async Task<BenchServer> StartAsync(int benchUsers, bool pin, Func<BenchApp, Task>? prepare = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-bench-" + Guid.NewGuid().ToString("N"));
        IReadOnlyList<Infrastructure.Realtime.OpportunityCard> movable;
        await using (var app = await BenchApp.StartAsync(folder))
        {
            await app.AddManagersAsync(benchUsers);
            if (prepare is not null)
            {
                await prepare(app);
            }

            movable = [.. (await app.MovableCardsAsync()).Where(c => c.Stage is Domain.Opportunities.OpportunityStage.FirstContact or Domain.Opportunities.OpportunityStage.NeedsAnalysis)];
        }

        var port = FreePort();
        var web = WebProjectFolder();
        var dll = Path.Combine(web, "bin", Configuration, "net10.0", "Crm.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the harness first (dotnet build -c {Configuration} tests/Crm.LoadTests).");
        }

        var start = new ProcessStartInfo(pin ? "taskset" : "dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (pin)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("0");
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(dll);
        // Development only so that the static web assets resolve from the build output as with `dotnet run`.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Crm"] = $"Data Source={Path.Combine(folder, "crm.db")}";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["DataProtection__KeysPath"] = Path.Combine(folder, "keys");
        start.Environment["Bench__Diagnostics"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        BenchServer? created = null;
        process.OutputDataReceived += (_, e) => created?.OnServerOutput(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  [server] " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (pin && OperatingSystem.IsLinux())
        {
            using var self = Process.GetCurrentProcess();
            self.ProcessorAffinity = 2; // CPU 1: the load (and the browsers it starts) stay off the server's core
        }

        var server = new BenchServer(process, new Uri($"http://127.0.0.1:{port}/"), folder, movable);
        created = server;
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>Signs in through the real login form; the cookies then serve SignalR clients and browser contexts.</summary>
    /// <summary>
    /// The mover's own hub connection (the head-office manager, not a viewer), joined to the opportunities board: it hears
    /// its own moves and records each one's commit time by card and version.
    /// </summary>
    public async Task<HubConnection> ConnectMoverAsync(ConcurrentDictionary<(Guid, long), DateTimeOffset> commits)
    {
        var cookies = await SignInAsync("manager@demo.local");
        var mover = new HubConnectionBuilder()
            .WithUrl(HubUrl, o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        mover.ServerTimeout = TimeSpan.FromMinutes(3);
        mover.On<BoardEvent>(nameof(ICrmClient.BoardEvent), e => commits[(e.CardId, e.CardVersion)] = e.CommittedAt);
        await mover.StartAsync();
        await mover.InvokeAsync(nameof(BoardHub.JoinBoard), Boards.Opportunities);
        return mover;
    }

    public async Task<CookieContainer> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = BaseAddress };
        var form = await http.GetStringAsync("Account/Login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = Crm.Infrastructure.Seeding.DemoSeeding.DemoPassword;
        fields["Input.ReturnUrl"] = "/";
        using var response = await http.PostAsync("Account/Login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || cookies.GetCookies(BaseAddress).Count < 2)
        {
            throw new InvalidOperationException($"Signing in {email} failed: {(int)response.StatusCode}.");
        }

        return cookies;
    }

    private void OnServerOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("elapsed without receiving a message from the client", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _clientTimeouts);
            return;
        }

        if (line.Contains("minimum data rate", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _slowReaderCloses);
            return;
        }

        var error = line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal);
        if (error)
        {
            Interlocked.Increment(ref _serverErrors);
        }

        error |= line.StartsWith("warn:", StringComparison.Ordinal);

        lock (_firstErrors)
        {
            if ((error || _captureNext > 0) && _firstErrors.Count < 12)
            {
                _firstErrors.Add(line);
                _captureNext = error ? 2 : _captureNext - 1;
            }
        }
    }

    /// <summary>The server's managed heap after a full compacting GC, and its working set.</summary>
    public async Task<BenchMemory> MemoryAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        return (await http.GetFromJsonAsync<BenchMemory>(BenchDiagnostics.Path.TrimStart('/')))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by the OS; it is in the temp folder
        }
    }

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready.");
            }

            try
            {
                if ((await http.GetAsync("health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // still starting
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app was not ready within 90 s.");
    }

    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crm.sln")))
            {
                return Path.Combine(dir.FullName, "Crm.Web");
            }
        }

        throw new InvalidOperationException("Crm.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
