using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Crm.LoadTests;

/// <summary>
/// A headless Blazor Server viewer: what <c>blazor.web.js</c> of .NET 10 does for one interactive
/// server page, over the .NET SignalR client and without a DOM.
/// <list type="number">
/// <item>GET the page with the sign-in cookie; read the prerendered <c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>
/// markers and the <c>&lt;!--Blazor-Server-Component-State:…--&gt;</c> application state.</item>
/// <item>Connect to <c>/_blazor</c> (WebSockets, the cookie, the <c>blazorpack</c> protocol = SignalR MessagePack
/// under that name, as blazor.web.js does).</item>
/// <item><c>StartCircuit(baseUri, uri, "[]", state)</c>, then <c>UpdateRootComponents({"batchId":1,"operations":
/// [{"type":"add","ssrComponentId":n,"marker":{…}}]}, state)</c>.</item>
/// <item>Every <c>JS.RenderBatch(id, bytes)</c> is acknowledged with <c>OnRenderCompleted(id, null)</c>; every
/// <c>JS.BeginInvokeJS</c> that wants an answer gets <c>EndInvokeJSFromDotNet(handle, true, [handle,true,result])</c>
/// with null (or a fresh JS object reference when the server asks for one); the other client methods are
/// taken and ignored; <c>JS.Error</c> and a closed connection count as errors.</item>
/// </list>
/// Each render batch is scanned for the bench's card titles (<see cref="TitlePrefix"/> + 4 digits): that is how a
/// batch is attributed to a move without knowing the board's markup.
/// </summary>
public sealed partial class BlazorCircuitClient : IAsyncDisposable
{
    /// <summary>The bench renames the cards it moves to this prefix plus a 4-digit number (unique, none a prefix of another).</summary>
    public const string TitlePrefix = "Bench card #";

    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes(TitlePrefix);
    private static long _lastBatchTicks;

    private readonly HubConnection _hub;
    private readonly TaskCompletionSource _firstRender = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(int Card, long AtTicks)> _arrivals = [];
    private long _jsObjects;
    private int _disposing;
    private int _recording;

    private readonly int _index;

    private BlazorCircuitClient(HubConnection hub, int index)
    {
        _hub = hub;
        _index = index;
    }

    private static string? DumpDirectory { get; } = Environment.GetEnvironmentVariable("CRM_BENCH_DUMP_BATCHES");

    /// <summary>JS interop calls the server made, by identifier, over all clients.</summary>
    public static System.Collections.Concurrent.ConcurrentDictionary<string, long> JsIdentifiers { get; } = new();

    /// <summary>UTC ticks of the last render batch any client received (to wait for quiet).</summary>
    public static DateTimeOffset LastBatchAt => new(Interlocked.Read(ref _lastBatchTicks), TimeSpan.Zero);

    private int _renderBatches;
    private long _renderBytes;
    private int _titledBatches;
    private int _jsCalls;
    private int _errors;

    /// <summary>Render batches received since recording started (or since connecting).</summary>
    public int RenderBatches => Volatile.Read(ref _renderBatches);

    public long RenderBytes => Interlocked.Read(ref _renderBytes);

    /// <summary>Batches that carried at least one bench card title (while recording).</summary>
    public int TitledBatches => Volatile.Read(ref _titledBatches);

    public int JsCalls => Volatile.Read(ref _jsCalls);

    public int Errors => Volatile.Read(ref _errors);

    public string? LastError { get; private set; }

    /// <summary>The first error of this client (a JS.Error before the close says why the server closed).</summary>
    public string? FirstError { get; private set; }

    /// <summary>While recording: every bench card title seen in a render batch, with the batch's arrival time (UTC ticks).</summary>
    public IReadOnlyList<(int Card, long AtTicks)> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    public static async Task<BlazorCircuitClient> ConnectAsync(LoopbackSpread spread, int index, Uri page, string cookieHeader, ILoggerProvider log, CancellationToken cancellationToken)
    {
        var handler = spread.HandlerFor(index);

        // 1. The prerendered page: component markers and the application state.
        string html;
        using (var http = new HttpClient(handler, disposeHandler: false))
        using (var request = new HttpRequestMessage(HttpMethod.Get, page))
        {
            request.Headers.Add("Cookie", cookieHeader);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            html = await response.Content.ReadAsStringAsync(cancellationToken);
        }

        var markers = ServerMarkers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"No server component markers in {page} (signed in?).");
        }

        var state = StateComment().Match(html) is { Success: true } m ? m.Groups["state"].Value : string.Empty;
        var baseUri = new Uri(page, "/");

        // 2. The circuit's connection: /_blazor, WebSockets from this client's loopback address, blazorpack.
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var socket = new ClientWebSocket();
                    socket.Options.SetRequestHeader("Cookie", cookieHeader);
                    var uri = new UriBuilder(context.Uri) { Scheme = context.Uri.Scheme == "https" ? "wss" : context.Uri.Scheme == "http" ? "ws" : context.Uri.Scheme }.Uri;
                    await socket.ConnectAsync(uri, new HttpMessageInvoker(handler, disposeHandler: false), ct);
                    return socket;
                };
            })
            .ConfigureLogging(l => l.ClearProviders().AddProvider(log).SetMinimumLevel(LogLevel.Warning));
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var hub = builder.Build();
        hub.ServerTimeout = TimeSpan.FromMinutes(3);
        hub.KeepAliveInterval = TimeSpan.FromSeconds(15);
        var client = new BlazorCircuitClient(hub, index);
        client.Handle();
        try
        {
            await hub.StartAsync(cancellationToken);

            // 3. Start the circuit with no components, then add the prerendered ones (as blazor.web.js does).
            var secret = await hub.InvokeAsync<string?>("StartCircuit", baseUri.ToString(), page.ToString(), "[]", state, cancellationToken);
            if (string.IsNullOrEmpty(secret))
            {
                throw new InvalidOperationException("StartCircuit returned no circuit id: " + client.LastError);
            }

            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "add",
                    ["ssrComponentId"] = i + 1,
                    ["marker"] = marker,
                })]),
            };
            await hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellationToken);
            await client._firstRender.Task.WaitAsync(cancellationToken);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts (or stops) recording which bench cards each render batch carries.</summary>
    public void Record(bool on)
    {
        lock (_arrivals)
        {
            _arrivals.Clear();
            Interlocked.Exchange(ref _recording, on ? 1 : 0);
            _renderBatches = 0;
            _renderBytes = 0;
            _titledBatches = 0;
        }
    }

    public ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposing, 1);
        return _hub.DisposeAsync();
    }

    /// <summary>The "server" markers in document order, sorted by sequence, each as blazor.web.js sends it (the marker's JSON plus uniqueId).</summary>
    public static List<JsonObject> ServerMarkers(string html)
    {
        var uniqueId = 0;
        var markers = new List<(int Sequence, JsonObject Marker)>();
        foreach (Match match in StartMarker().Matches(html))
        {
            if (JsonNode.Parse(match.Groups["json"].Value) is not JsonObject marker || marker["type"] is null)
            {
                continue; // an end marker: {"prerenderId":"…"}
            }

            marker["uniqueId"] = uniqueId++;
            if ((string?)marker["type"] == "server")
            {
                markers.Add(((int)marker["sequence"]!, marker));
            }
        }

        return [.. markers.OrderBy(m => m.Sequence).Select(m => m.Marker)];
    }

    private void Handle()
    {
        _hub.On("JS.RenderBatch", [typeof(long), typeof(byte[])], args =>
        {
            var id = (long)args[0]!;
            var batch = (byte[])args[1]!;
            var now = DateTimeOffset.UtcNow.UtcTicks;
            Interlocked.Exchange(ref _lastBatchTicks, now);
            lock (_arrivals)
            {
                _renderBatches++;
                _renderBytes += batch.Length;
                if (_recording == 1 && ScanTitles(batch, card => _arrivals.Add((card, now))))
                {
                    _titledBatches++;
                    if (_index == 0 && DumpDirectory is { } dump)
                    {
                        // CRM_BENCH_DUMP_BATCHES=<dir>: the first circuit's batches carrying a move, to read what a move costs.
                        Directory.CreateDirectory(dump);
                        File.WriteAllBytes(Path.Combine(dump, $"batch-{_titledBatches:000}.bin"), batch);
                    }
                }
            }

            _firstRender.TrySetResult();
            return Acknowledge(id);
        });

        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType); handle 0 wants no answer.
        _hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], args =>
        {
            Interlocked.Increment(ref _jsCalls);
            JsIdentifiers.AddOrUpdate((string?)args[1] ?? string.Empty, 1, (_, n) => n + 1);
            var handle = (long)args[0]!;
            if (handle == 0)
            {
                return Task.CompletedTask;
            }

            // JSCallResultType.JSObjectReference = 1: a fresh reference, as the browser would give; otherwise null.
            var result = (int)args[3]! == 1
                ? string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _jsObjects)}}}")
                : "null";
            return Send("EndInvokeJSFromDotNet", handle, true, string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{result}]"));
        });

        _hub.On("JS.Error", [typeof(string)], args =>
        {
            Fail("JS.Error: " + args[0]);
            return Task.CompletedTask;
        });
        _hub.On("JS.SavePersistedState", [typeof(string), typeof(string), typeof(string)], _ => Task.FromResult<object?>(true));
        Ignore("JS.AttachComponent", typeof(int), typeof(string));
        Ignore("JS.EndInvokeDotNet", typeof(string), typeof(bool), typeof(string));
        Ignore("JS.ReceiveByteArray", typeof(int), typeof(byte[]));
        Ignore("JS.BeginTransmitStream", typeof(long));
        Ignore("JS.EndUpdateRootComponents", typeof(long));
        Ignore("JS.EndLocationChanging", typeof(int), typeof(bool));
        _hub.Closed += ex =>
        {
            if (Volatile.Read(ref _disposing) == 0)
            {
                Fail("connection closed: " + ex?.Message);
            }

            return Task.CompletedTask;
        };
    }

    private void Ignore(string method, params Type[] types) => _hub.On(method, types, _ => Task.CompletedTask);

    private Task Acknowledge(long batchId) => Send("OnRenderCompleted", batchId, null);

    private async Task Send(string method, object? a, object? b, object? c = null)
    {
        try
        {
            if (method == "EndInvokeJSFromDotNet")
            {
                await _hub.SendAsync(method, a, b, c);
            }
            else
            {
                await _hub.SendAsync(method, a, b);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or WebSocketException or OperationCanceledException)
        {
            if (Volatile.Read(ref _disposing) == 0)
            {
                Fail(method + ": " + ex.Message);
            }
        }
    }

    private void Fail(string message)
    {
        Interlocked.Increment(ref _errors);
        FirstError ??= message;
        LastError = message;
    }

    /// <summary>Calls <paramref name="found"/> for every bench card title in the batch (its string table); true when there was one.</summary>
    public static bool ScanTitles(ReadOnlySpan<byte> batch, Action<int> found)
    {
        var any = false;
        var offset = 0;
        while (true)
        {
            var at = batch[offset..].IndexOf(Prefix);
            if (at < 0)
            {
                return any;
            }

            var start = offset + at + Prefix.Length;
            if (start + 4 <= batch.Length && TryDigits(batch.Slice(start, 4), out var card))
            {
                found(card);
                any = true;
            }

            offset = start;
        }
    }

    private static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        foreach (var d in digits)
        {
            if (d is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = value * 10 + d - '0';
        }

        return true;
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex StartMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[a-zA-Z0-9+/=]+)-->")]
    private static partial Regex StateComment();
}

/// <summary>
/// The protocol blazor.web.js speaks: the SignalR MessagePack hub protocol under the name "blazorpack"
/// (the server's BlazorPackHubProtocol is the same wire format, version 2).
/// </summary>
public sealed class BlazorPackProtocol : IHubProtocol
{
    private readonly MessagePackHubProtocol _inner = new();

    public string Name => "blazorpack";

    public int Version => _inner.Version;

    public TransferFormat TransferFormat => TransferFormat.Binary;

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message) =>
        _inner.TryParseMessage(ref input, binder, out message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);

    public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);
}

/// <summary>
/// Client connections spread over loopback source addresses 127.0.0.2…127.0.0.(1+n), one
/// SocketsHttpHandler each (its own pool and its own 28k ephemeral ports), so that thousands of
/// connections to one server port do not run out of source ports.
/// </summary>
public sealed class LoopbackSpread : IDisposable
{
    private readonly SocketsHttpHandler[] _handlers;

    public LoopbackSpread(int addresses)
    {
        _handlers = [.. Enumerable.Range(0, addresses).Select(i => Handler(IPAddress.Parse($"127.0.0.{2 + i}")))];
    }

    public int Count => _handlers.Length;

    public SocketsHttpHandler HandlerFor(int index) => _handlers[index % _handlers.Length];

    public void Dispose()
    {
        foreach (var handler in _handlers)
        {
            handler.Dispose();
        }
    }

    private static SocketsHttpHandler Handler(IPAddress local) => new()
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}

/// <summary>Counts the SignalR client's warnings and errors over all viewers (binding failures, missing handlers, transport errors).</summary>
public sealed class ClientLogCounter : ILoggerProvider, ILogger
{
    private readonly List<string> _first = [];
    private int _errors;
    private int _warnings;

    public int ErrorCount => _errors;

    public int WarningCount => _warnings;

    public IReadOnlyList<string> First
    {
        get
        {
            lock (_first)
            {
                return [.. _first];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel < LogLevel.Warning)
        {
            return;
        }

        Interlocked.Increment(ref logLevel >= LogLevel.Error ? ref _errors : ref _warnings);
        lock (_first)
        {
            if (_first.Count < 5)
            {
                _first.Add($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }

    public void Dispose()
    {
    }
}
