using System.Threading.Channels;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Realtime;

/// <summary>
/// A circuit's live link to one board. Subscribes before the board loads, so nothing falls between
/// load and subscription; drops events the load already contains; and on a sequence gap, a feed
/// overflow or a reconnect, reloads the board from the database (no silent divergence).
/// </summary>
public sealed class BoardConnection : IAsyncDisposable
{
    private readonly IBoardFeed _feed;
    private readonly Guid _tenantId;
    private readonly string _board;
    private readonly Func<CancellationToken, Task<long>> _reload;
    private readonly Action<BoardEvent> _apply;
    private readonly Action<BoardEvent>? _presence;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _resync = new(1, 1);
    private BoardSubscription? _subscription;
    private Task? _loop;
    private long _lastSequence;

    /// <param name="reload">Loads the board into the store and returns the board sequence the load reflects.</param>
    /// <param name="apply">Applies one visible, in-order event (dispatches a ...ChangedRemotely action).</param>
    public BoardConnection(
        IBoardFeed feed, Guid tenantId, string board, Func<CancellationToken, Task<long>> reload, Action<BoardEvent> apply, Action<BoardEvent>? presence = null)
    {
        _feed = feed;
        _tenantId = tenantId;
        _board = board;
        _reload = reload;
        _apply = apply;
        _presence = presence;
    }

    public long LastSequence => Interlocked.Read(ref _lastSequence);

    /// <summary>How many times the board was reloaded because of a gap, an overflow or a reconnect.</summary>
    public int Resyncs { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _subscription = _feed.Subscribe(_tenantId, _board);
        Interlocked.Exchange(ref _lastSequence, await _reload(cancellationToken));
        _loop = Task.Run(() => ReadAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Reloads the board now (a reconnected circuit, a suspected divergence).</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken = default)
    {
        await _resync.WaitAsync(cancellationToken);
        try
        {
            await ReloadAsync(cancellationToken);
        }
        finally
        {
            _resync.Release();
        }
    }

    /// <summary>Callers hold <see cref="_resync"/>: no event is applied while the board reloads.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        Resyncs++;
        Interlocked.Exchange(ref _lastSequence, await _reload(cancellationToken));
    }

    /// <summary>
    /// A reload that fails (the database is briefly unreachable) leaves the connection behind but
    /// listening: the next event is a gap again and reloads again. It must not end the read loop.
    /// </summary>
    private async Task TryReloadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await ReloadAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // stays behind until the next event
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var boardEvent in _subscription!.Reader.ReadAllAsync(cancellationToken))
                {
                    await HandleAsync(boardEvent, cancellationToken);
                }

                return;
            }
            catch (BoardFeedOverflowException)
            {
                // Fell behind: subscribe again first, then reload, so nothing is lost in between.
                _subscription?.Dispose();
                _subscription = _feed.Subscribe(_tenantId, _board);
                await _resync.WaitAsync(cancellationToken);
                try
                {
                    await TryReloadAsync(cancellationToken);
                }
                finally
                {
                    _resync.Release();
                }
            }
            catch (ChannelClosedException)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(BoardEvent boardEvent, CancellationToken cancellationToken)
    {
        if (!boardEvent.IsSequenced)
        {
            _presence?.Invoke(boardEvent);
            return;
        }

        // One at a time with reloads: an event handled while a reload runs would be compared with
        // the sequence before it and applied over the newer board the reload just put in place.
        await _resync.WaitAsync(cancellationToken);
        try
        {
            var last = LastSequence;
            if (boardEvent.Sequence <= last)
            {
                return; // already in the loaded board, or a duplicate from the sweep
            }

            if (boardEvent.Sequence > last + 1)
            {
                await TryReloadAsync(cancellationToken);
                return; // the reload contains this event
            }

            Interlocked.Exchange(ref _lastSequence, boardEvent.Sequence);
            _apply(boardEvent);
        }
        finally
        {
            _resync.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _subscription?.Dispose();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }

        _stop.Dispose();
        _resync.Dispose();
    }
}
