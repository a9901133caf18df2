using Crm.Infrastructure.Realtime;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>The single-instance feed: never blocks the publisher, drops a subscriber that falls behind, filters by tenant and board.</summary>
public sealed class InProcessBoardFeedTests
{
    private static readonly Guid TenantA = Guid.Parse("5e000000-0000-4000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("5e000000-0000-4000-8000-00000000000b");
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task WhenASubscriberNeverReads_ItIsCompletedWithOverflowWhileAFastSubscriberGetsEveryEvent()
    {
        const int capacity = 4;
        var feed = new InProcessBoardFeed(capacity);
        using var slow = feed.Subscribe(TenantA, Boards.Opportunities);
        using var fast = feed.Subscribe(TenantA, Boards.Opportunities);

        for (var sequence = 1; sequence <= 50; sequence++)
        {
            PublishesWithoutWaiting(feed, Event(TenantA, Boards.Opportunities, sequence)).ShouldBeTrue("publishing never waits for a subscriber");
            (await fast.NextAsync()).Sequence.ShouldBe(sequence);
        }

        feed.SubscriberCount.ShouldBe(1);

        // What it had buffered is still readable; then the overflow ends the read.
        var buffered = new List<long>();
        using var guard = new CancellationTokenSource(FeedReading.Guard);
        var overflow = await Should.ThrowAsync<BoardFeedOverflowException>(async () =>
        {
            await foreach (var e in slow.Reader.ReadAllAsync(guard.Token))
            {
                buffered.Add(e.Sequence);
            }
        });
        overflow.Message.ShouldContain("reload");
        buffered.ShouldBe([1, 2, 3, 4]);
        await Should.ThrowAsync<BoardFeedOverflowException>(() => slow.Reader.Completion.WaitAsync(FeedReading.Guard));
    }

    [Fact]
    public async Task WhenManyPublishersPublishAtOnce_ASubscriberWithRoomGetsEveryEventAndNoPublishWaits()
    {
        var feed = new InProcessBoardFeed(1000);
        using var subscription = feed.Subscribe(TenantA, Boards.Opportunities);

        var publishers = Enumerable.Range(0, 8).Select(p => Task.Run(() =>
        {
            var completed = 0;
            for (var i = 1; i <= 100; i++)
            {
                completed += PublishesWithoutWaiting(feed, Event(TenantA, Boards.Opportunities, (p * 100) + i)) ? 1 : 0;
            }

            return completed;
        }));

        (await Task.WhenAll(publishers)).ShouldAllBe(c => c == 100);
        (await subscription.NextAsync(800)).Select(e => e.Sequence).Order().ShouldBe(Enumerable.Range(1, 800).Select(n => (long)n));
        subscription.Reader.Buffered().ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenUnsubscribed_NothingMoreIsDeliveredAndTheReaderCompletes()
    {
        var feed = new InProcessBoardFeed();
        var subscription = feed.Subscribe(TenantA, Boards.Opportunities);
        await feed.PublishAsync(Event(TenantA, Boards.Opportunities, 1));

        subscription.Dispose();
        subscription.Dispose();
        await feed.PublishAsync(Event(TenantA, Boards.Opportunities, 2));

        feed.SubscriberCount.ShouldBe(0);
        subscription.Reader.Buffered().Select(e => e.Sequence).ShouldBe([1]);
        await subscription.Reader.Completion.WaitAsync(FeedReading.Guard); // completed normally, not with an overflow
        subscription.Reader.TryRead(out _).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenEventsOfOtherTenantsOrBoardsArePublished_ASubscriberGetsOnlyItsOwnAndSubscribeAllGetsEverything()
    {
        var feed = new InProcessBoardFeed();
        using var mine = feed.Subscribe(TenantA, Boards.Opportunities);
        using var otherBoard = feed.Subscribe(TenantA, NotificationCard.Board);
        using var otherTenant = feed.Subscribe(TenantB, Boards.Opportunities);
        using var all = feed.SubscribeAll();
        BoardEvent[] published =
        [
            Event(TenantA, Boards.Opportunities, 1),
            Event(TenantB, Boards.Opportunities, 1),
            Event(TenantA, NotificationCard.Board, 1),
            Event(TenantA, Boards.Opportunities, 0) with { Kind = BoardEventKinds.Presence },
            Event(TenantB, Boards.WorkOrders, 1),
            Event(TenantA, Boards.Opportunities, 2),
        ];

        foreach (var e in published)
        {
            await feed.PublishAsync(e);
        }

        mine.Reader.Buffered().ShouldBe([published[0], published[3], published[5]]);
        otherBoard.Reader.Buffered().ShouldBe([published[2]]);
        otherTenant.Reader.Buffered().ShouldBe([published[1]]);
        all.Reader.Buffered().ShouldBe(published);
    }

    [Fact]
    public async Task WhenAnOverflowedSubscriberSubscribesAgain_ItGetsTheEventsFromThenOn()
    {
        var feed = new InProcessBoardFeed(1);
        var first = feed.Subscribe(TenantA, Boards.Opportunities);
        await feed.PublishAsync(Event(TenantA, Boards.Opportunities, 1));
        await feed.PublishAsync(Event(TenantA, Boards.Opportunities, 2));
        first.Reader.Buffered().Select(e => e.Sequence).ShouldBe([1]);
        await Should.ThrowAsync<BoardFeedOverflowException>(() => first.Reader.Completion.WaitAsync(FeedReading.Guard));

        first.Dispose();
        using var again = feed.Subscribe(TenantA, Boards.Opportunities);
        await feed.PublishAsync(Event(TenantA, Boards.Opportunities, 3));

        feed.SubscriberCount.ShouldBe(1);
        (await again.NextAsync()).Sequence.ShouldBe(3);
        again.Reader.Completion.IsCompleted.ShouldBeFalse();
    }

    /// <summary>Publishes and tells whether the publish had already finished when it returned.</summary>
    private static bool PublishesWithoutWaiting(InProcessBoardFeed feed, BoardEvent boardEvent) =>
        feed.PublishAsync(boardEvent).AsTask().IsCompletedSuccessfully;

    private static BoardEvent Event(Guid tenant, string board, long sequence) =>
        new(tenant, board, sequence, BoardEventKinds.Moved, Guid.Parse("5e000000-0000-4000-8000-0000000000c1"), sequence, null, null, "{}", null, null, null, At, At);
}
