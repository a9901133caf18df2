using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// The board feed of a cluster (Realtime:Feed=Redis): every instance publishes committed board events
/// on one Redis pub/sub channel and hands what arrives to its local subscribers. Same contract as
/// <see cref="InProcessBoardFeed"/>: sequence numbers come from the database, subscribers drop what
/// they have and reload on a gap. Redis being away makes publishing fail at once (the outbox keeps
/// the rows unsent for the sweep); once the subscription works again every local subscriber is told
/// to reload, because events of the outage never came.
/// </summary>
public sealed class RedisBoardFeed : IBoardFeed, IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("crm:board-events");

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<RedisBoardFeed> _logger;
    private readonly InProcessBoardFeed _local;
    private readonly InProcessBoardFeed _publishedHere;
    private ChannelMessageQueue? _queue;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _probeGate = new();
    private TaskCompletionSource? _probe;
    private int _disposed;
    private int _resyncing;
    private int _resyncs;
    private string? _probeId;

    public RedisBoardFeed(IConnectionMultiplexer redis, ILogger<RedisBoardFeed> logger, int capacityPerSubscriber = InProcessBoardFeed.DefaultCapacity)
    {
        _redis = redis;
        _logger = logger;
        _local = new InProcessBoardFeed(capacityPerSubscriber);
        _publishedHere = new InProcessBoardFeed(capacityPerSubscriber);

        redis.ConnectionRestored += OnConnectionRestored;
        Subscribed = SubscribeAsync(_stop.Token);
    }

    /// <summary>Completes once this instance listens on the channel (at once, or when Redis first answers).</summary>
    public Task Subscribed { get; }

    /// <summary>This instance, as it signs its messages.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>How many times local subscribers were told to reload after Redis came back.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    public async ValueTask PublishAsync(BoardEvent boardEvent, CancellationToken cancellationToken = default)
    {
        if (!_redis.IsConnected)
        {
            // Fail now rather than queue behind a dead connection: the caller's change is committed
            // and its outbox row stays unsent until the sweep finds Redis again.
            throw new IOException("Redis is not connected; the board event stays in the outbox.");
        }

        var envelope = JsonSerializer.Serialize(new Envelope(InstanceId, boardEvent, null));
        await _redis.GetSubscriber().PublishAsync(Channel, envelope);
    }

    public BoardSubscription Subscribe(Guid tenantId, string board) => _local.Subscribe(tenantId, board);

    public BoardSubscription SubscribeAll() => _local.SubscribeAll();

    public BoardSubscription SubscribeRelay() => _publishedHere.SubscribeAll();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return; // registered as itself and as IBoardFeed: the container disposes it twice
        }

        _redis.ConnectionRestored -= OnConnectionRestored;
        _stop.Cancel();
        _queue?.Unsubscribe();
        _stop.Dispose();
    }

    /// <summary>
    /// Subscribes once; Redis may be away when the instance starts, so it tries until it succeeds. From
    /// then on the connection re-subscribes by itself after every reconnect.
    /// </summary>
    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // A queue, not a handler: messages are handled one at a time in the order they arrived.
                var queue = await _redis.GetSubscriber().SubscribeAsync(Channel);
                queue.OnMessage(DeliverAsync);
                _queue = queue;
                return;
            }
            catch (RedisException exception)
            {
                _logger.LogDebug(exception, "Redis is not there yet; subscribing again shortly.");
                await Task.Delay(ProbeTimeout / 4, cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(ChannelMessage message)
    {
        Envelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<Envelope>((string)message.Message!);
        }
        catch (JsonException exception)
        {
            _logger.LogWarning(exception, "Dropped a message on {Channel} that is not a board event.", Channel);
            return;
        }

        if (envelope?.Probe is { } probe)
        {
            OnProbe(envelope.Origin, probe);
            return;
        }

        if (envelope?.Event is not { } boardEvent)
        {
            return;
        }

        if (envelope.Origin == InstanceId)
        {
            await _publishedHere.PublishAsync(boardEvent);
        }

        await _local.PublishAsync(boardEvent);
    }

    /// <summary>
    /// Redis is back. The subscription is trusted again only when a probe published now comes back
    /// through it; then every local subscriber reloads (what it missed is in the database). The
    /// multiplexer reports each of its connections (commands, subscriptions) restored on its own: one
    /// outage is one resync, so a report that comes while a resync waits for its probe joins it rather
    /// than making subscribers reload a second time, later, in the middle of what they do next.
    /// </summary>
    private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e)
    {
        if (Interlocked.Exchange(ref _resyncing, 1) == 0)
        {
            _ = ResyncWhenSubscribedAsync(_stop.Token);
        }
    }

    private async Task ResyncWhenSubscribedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ProbeThenResyncAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Disposed while Redis was away.
        }
        finally
        {
            Volatile.Write(ref _resyncing, 0);
        }
    }

    private async Task ProbeThenResyncAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TaskCompletionSource probe;
            string probeId;
            lock (_probeGate)
            {
                probeId = Guid.NewGuid().ToString("N");
                probe = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _probe = probe;
                _probeId = probeId;
            }

            try
            {
                await _redis.GetSubscriber().PublishAsync(Channel, JsonSerializer.Serialize(new Envelope(InstanceId, null, probeId)));
                await probe.Task.WaitAsync(ProbeTimeout, cancellationToken);
                _local.ResyncAll();
                _publishedHere.ResyncAll();
                Interlocked.Increment(ref _resyncs);
                _logger.LogInformation("Redis is back; live boards reload.");
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                await Task.Delay(ProbeTimeout, cancellationToken);
            }
        }
    }

    private void OnProbe(string origin, string probeId)
    {
        if (origin != InstanceId)
        {
            return;
        }

        lock (_probeGate)
        {
            if (_probeId == probeId)
            {
                _probe?.TrySetResult();
            }
        }
    }

    private sealed record Envelope(string Origin, BoardEvent? Event, string? Probe);
}
