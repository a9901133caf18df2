using System.Threading.Channels;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Tests.Realtime;

/// <summary>
/// A circuit's link to a board (ARCHITECTURE.md §2, "no silent divergence"): subscribe, then load;
/// drop what the load contains; apply in order; reload on a gap or an overflow; presence aside.
/// Waits on what the connection reports (reloads, applied events), never on time.
/// </summary>
public sealed class BoardConnectionTests : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("7b000000-0000-4000-8000-000000000001");
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly Channel<BoardEvent> _applied = Channel.CreateUnbounded<BoardEvent>();
    private readonly Channel<BoardEvent> _presence = Channel.CreateUnbounded<BoardEvent>();
    private readonly Channel<int> _reloads = Channel.CreateUnbounded<int>();
    private readonly List<BoardConnection> _connections = [];
    private int _reloadCount;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task WhenEventsAreAtOrBelowTheLoadedSequence_TheyAreDropped()
    {
        var feed = new InProcessBoardFeed();
        var connection = await StartAsync(feed, _ => Task.FromResult(5L));

        foreach (var sequence in new long[] { 3, 5, 4, 6 })
        {
            await feed.PublishAsync(Event(sequence));
        }

        (await NextAppliedAsync()).Sequence.ShouldBe(6);
        await ShouldHaveAppliedNothingMoreAsync(feed, connection, 7);
        _reloadCount.ShouldBe(1);
        connection.Resyncs.ShouldBe(0);
    }

    [Fact]
    public async Task WhenEventsArriveInOrder_EachIsAppliedOnceInOrder()
    {
        var feed = new InProcessBoardFeed();
        var connection = await StartAsync(feed, _ => Task.FromResult(0L));

        for (var sequence = 1; sequence <= 5; sequence++)
        {
            await feed.PublishAsync(Event(sequence));
        }

        (await NextAppliedAsync(5)).Select(e => e.Sequence).ShouldBe([1, 2, 3, 4, 5]);
        connection.LastSequence.ShouldBe(5);
        _reloadCount.ShouldBe(1);
        connection.Resyncs.ShouldBe(0);
    }

    [Fact]
    public async Task WhenASequenceGapAppears_TheBoardReloadsExactlyOnceAndGoesOnFromTheReload()
    {
        var feed = new InProcessBoardFeed();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = await StartAsync(feed, async call =>
        {
            if (call == 1)
            {
                return 1;
            }

            await release.Task; // the database is at 4 by the time the reload reads it
            return 4;
        });

        await feed.PublishAsync(Event(3)); // 2 was lost
        (await NextReloadAsync()).ShouldBe(2);
        await feed.PublishAsync(Event(4)); // arrives while the reload runs; the reload contains it
        release.SetResult();
        await feed.PublishAsync(Event(5));

        (await NextAppliedAsync()).Sequence.ShouldBe(5);
        _reloadCount.ShouldBe(2);
        connection.Resyncs.ShouldBe(1);
        await ShouldHaveAppliedNothingMoreAsync(feed, connection, 6);
        _reloadCount.ShouldBe(2);
    }

    [Fact]
    public async Task WhenTheConnectionFallsBehindAndTheFeedOverflows_ItSubscribesAgainReloadsAndGoesOn()
    {
        var feed = new InProcessBoardFeed(capacityPerSubscriber: 2);
        var firstLoad = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = Create(feed, call => call == 1 ? firstLoad.Task : Task.FromResult(3L));

        // A slow first load: the connection is subscribed but not reading yet while events arrive.
        var start = connection.StartAsync();
        (await NextReloadAsync()).ShouldBe(1);
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await feed.PublishAsync(Event(sequence)); // 1 and 2 fill its buffer, 3 overflows it
        }

        feed.SubscriberCount.ShouldBe(0, "the feed dropped the subscriber that fell behind");
        firstLoad.SetResult(0);
        await start.WaitAsync(Guard);

        (await NextReloadAsync()).ShouldBe(2);
        feed.SubscriberCount.ShouldBe(1, "it subscribed again before reloading");
        await feed.PublishAsync(Event(4));

        (await NextAppliedAsync(3)).Select(e => e.Sequence).ShouldBe([1, 2, 4]);
        connection.Resyncs.ShouldBe(1);
        connection.LastSequence.ShouldBe(4);
        _reloadCount.ShouldBe(2);
    }

    [Fact]
    public async Task WhenAPresenceEventArrives_ItGoesToThePresenceCallbackAndNotOnTheBoard()
    {
        var feed = new InProcessBoardFeed();
        var connection = await StartAsync(feed, _ => Task.FromResult(3L));
        var presence = Event(0) with { Kind = BoardEventKinds.Presence, CardId = Guid.Empty, CardJson = "[]" };

        await feed.PublishAsync(presence);
        await feed.PublishAsync(Event(4));

        (await _presence.Reader.ReadAsync().AsTask().WaitAsync(Guard)).ShouldBe(presence);
        (await NextAppliedAsync()).Sequence.ShouldBe(4);
        connection.LastSequence.ShouldBe(4);
        connection.Resyncs.ShouldBe(0);
    }

    [Fact]
    public async Task WhenAnEventArrivesWhileTheBoardReloads_ItIsNotAppliedOverTheReloadedBoard()
    {
        var feed = new InProcessBoardFeed();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var connection = await StartAsync(feed, async call =>
        {
            if (call == 1)
            {
                return 0;
            }

            await release.Task; // the reload already holds the board at 3
            return 3;
        });

        var resync = connection.ResyncAsync(); // a reconnected circuit
        (await NextReloadAsync()).ShouldBe(2);
        await feed.PublishAsync(Event(1));
        release.SetResult();
        await resync.WaitAsync(Guard);
        await feed.PublishAsync(Event(4));

        (await NextAppliedAsync()).Sequence.ShouldBe(4, "event 1 is older than the reloaded board");
        connection.LastSequence.ShouldBe(4);
    }

    [Fact]
    public async Task WhenAReloadAfterAGapFails_TheConnectionKeepsListeningAndReloadsOnTheNextGap()
    {
        var feed = new InProcessBoardFeed();
        var connection = await StartAsync(feed, call => call switch
        {
            1 => Task.FromResult(1L),
            2 => Task.FromException<long>(new IOException("The database is unreachable.")),
            _ => Task.FromResult(4L),
        });

        await feed.PublishAsync(Event(3)); // a gap; its reload fails
        (await NextReloadAsync()).ShouldBe(2);
        await feed.PublishAsync(Event(4)); // still behind: another reload, which works
        (await NextReloadAsync()).ShouldBe(3);
        await feed.PublishAsync(Event(5));

        (await NextAppliedAsync()).Sequence.ShouldBe(5);
        connection.LastSequence.ShouldBe(5);
    }

    [Fact]
    public async Task WhenDisposed_ItUnsubscribes()
    {
        var feed = new InProcessBoardFeed();
        var connection = await StartAsync(feed, _ => Task.FromResult(0L));
        feed.SubscriberCount.ShouldBe(1);

        await connection.DisposeAsync();
        _connections.Remove(connection);

        feed.SubscriberCount.ShouldBe(0);
    }

    private async Task<BoardConnection> StartAsync(InProcessBoardFeed feed, Func<int, Task<long>> reload)
    {
        var connection = Create(feed, reload);
        await connection.StartAsync();
        (await NextReloadAsync()).ShouldBe(1, "the board loads once on start");
        return connection;
    }

    /// <summary>A connection whose reloads and applied events the test reads; <paramref name="reload"/> gets the call number.</summary>
    private BoardConnection Create(InProcessBoardFeed feed, Func<int, Task<long>> reload)
    {
        var connection = new BoardConnection(
            feed,
            Tenant,
            Boards.Opportunities,
            _ =>
            {
                var call = Interlocked.Increment(ref _reloadCount);
                _reloads.Writer.TryWrite(call);
                return reload(call);
            },
            e => _applied.Writer.TryWrite(e),
            e => _presence.Writer.TryWrite(e));
        _connections.Add(connection);
        return connection;
    }

    private Task<int> NextReloadAsync() => _reloads.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    private Task<BoardEvent> NextAppliedAsync() => _applied.Reader.ReadAsync().AsTask().WaitAsync(Guard);

    private async Task<List<BoardEvent>> NextAppliedAsync(int count)
    {
        var events = new List<BoardEvent>();
        for (var i = 0; i < count; i++)
        {
            events.Add(await NextAppliedAsync());
        }

        return events;
    }

    /// <summary>Sends one more in-order event: the next thing applied is that one, so nothing else slipped in before it.</summary>
    private async Task ShouldHaveAppliedNothingMoreAsync(InProcessBoardFeed feed, BoardConnection connection, long next)
    {
        await feed.PublishAsync(Event(next));
        (await NextAppliedAsync()).Sequence.ShouldBe(next);
        _applied.Reader.TryRead(out _).ShouldBeFalse();
        connection.LastSequence.ShouldBe(next);
    }

    private static BoardEvent Event(long sequence) =>
        new(Tenant, Boards.Opportunities, sequence, BoardEventKinds.Moved, Guid.Parse("7b000000-0000-4000-8000-0000000000c1"), sequence, null, null, "{}", null, null, null, At, At);
}
