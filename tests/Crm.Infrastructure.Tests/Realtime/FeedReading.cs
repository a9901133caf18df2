using System.Threading.Channels;
using Crm.Infrastructure.Realtime;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>Reads a subscription with a timeout that only guards against a hang; it never paces a test.</summary>
internal static class FeedReading
{
    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    public static async Task<BoardEvent> NextAsync(this BoardSubscription subscription)
    {
        using var timeout = new CancellationTokenSource(Guard);
        return await subscription.Reader.ReadAsync(timeout.Token);
    }

    public static async Task<List<BoardEvent>> NextAsync(this BoardSubscription subscription, int count)
    {
        var events = new List<BoardEvent>(count);
        for (var i = 0; i < count; i++)
        {
            events.Add(await subscription.NextAsync());
        }

        return events;
    }

    /// <summary>What is buffered right now, without waiting.</summary>
    public static List<BoardEvent> Buffered(this ChannelReader<BoardEvent> reader)
    {
        var events = new List<BoardEvent>();
        while (reader.TryRead(out var boardEvent))
        {
            events.Add(boardEvent);
        }

        return events;
    }
}
