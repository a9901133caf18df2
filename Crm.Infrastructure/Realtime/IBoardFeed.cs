using System.Threading.Channels;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// Carries board events to subscribers (circuits, the SignalR relay). Publishing never blocks on a
/// slow subscriber: one that falls behind is completed with <see cref="BoardFeedOverflowException"/>
/// and must reload and subscribe again.
/// </summary>
public interface IBoardFeed
{
    ValueTask PublishAsync(BoardEvent boardEvent, CancellationToken cancellationToken = default);

    BoardSubscription Subscribe(Guid tenantId, string board);

    /// <summary>Every tenant and board: for relays such as the SignalR hub.</summary>
    BoardSubscription SubscribeAll();

    /// <summary>
    /// The events this instance hands to the SignalR hub. One process: all of them. Several instances
    /// with a SignalR backplane: only the events published here, because the backplane already
    /// carries a group send to the clients of every other instance (each event reaches them once).
    /// </summary>
    BoardSubscription SubscribeRelay() => SubscribeAll();
}

public sealed class BoardSubscription(ChannelReader<BoardEvent> reader, Action unsubscribe) : IDisposable
{
    private int _disposed;

    public ChannelReader<BoardEvent> Reader { get; } = reader;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}

public sealed class BoardFeedOverflowException : Exception
{
    public BoardFeedOverflowException()
        : base("The subscriber fell behind; reload the board.")
    {
    }

    public BoardFeedOverflowException(string message)
        : base(message)
    {
    }

    public BoardFeedOverflowException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
