using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Crm.Infrastructure.Realtime;

/// <summary>The single-instance feed: a bounded channel per subscriber.</summary>
public sealed class InProcessBoardFeed(int capacityPerSubscriber = InProcessBoardFeed.DefaultCapacity) : IBoardFeed
{
    public const int DefaultCapacity = 1024;

    private readonly ConcurrentDictionary<Subscriber, byte> _subscribers = new();

    public int SubscriberCount => _subscribers.Count;

    public ValueTask PublishAsync(BoardEvent boardEvent, CancellationToken cancellationToken = default)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            if (!subscriber.Wants(boardEvent))
            {
                continue;
            }

            if (!subscriber.Channel.Writer.TryWrite(boardEvent))
            {
                // Full: never wait for a slow reader. It is told to resync instead.
                subscriber.Channel.Writer.TryComplete(new BoardFeedOverflowException());
                _subscribers.TryRemove(subscriber, out _);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Tells every subscriber to reload and subscribe again (as if each had fallen behind): the
    /// transport behind this feed may have lost events, for instance while Redis was away.
    /// </summary>
    public void ResyncAll()
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Channel.Writer.TryComplete(new BoardFeedOverflowException("The board feed reconnected; reload the board."));
            _subscribers.TryRemove(subscriber, out _);
        }
    }

    public BoardSubscription Subscribe(Guid tenantId, string board) => Add(new Subscriber(tenantId, board, Create()));

    public BoardSubscription SubscribeAll() => Add(new Subscriber(null, null, Create()));

    private Channel<BoardEvent> Create() =>
        Channel.CreateBounded<BoardEvent>(new BoundedChannelOptions(capacityPerSubscriber)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });

    private BoardSubscription Add(Subscriber subscriber)
    {
        _subscribers.TryAdd(subscriber, 0);
        return new BoardSubscription(subscriber.Channel.Reader, () =>
        {
            _subscribers.TryRemove(subscriber, out _);
            subscriber.Channel.Writer.TryComplete();
        });
    }

    private sealed class Subscriber(Guid? tenantId, string? board, Channel<BoardEvent> channel)
    {
        public Channel<BoardEvent> Channel { get; } = channel;

        public bool Wants(BoardEvent e) =>
            (tenantId is null || tenantId == e.TenantId) && (board is null || board == e.Board);
    }
}
