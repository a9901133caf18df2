using System.Diagnostics;
using System.Threading.Channels;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// The Redis feed keeps the in-process feed's contract across instances, on a real redis-server:
/// every instance receives every committed event in order, only the publishing instance relays it to
/// SignalR, and an outage loses nothing (the change commits, the outbox keeps the event, subscribers
/// are told to reload when Redis is back, and the sweep sends what was left).
/// </summary>
public sealed class RedisBoardFeedTests(RedisLiveDatabase database) : IClassFixture<RedisLiveDatabase>
{
    private static readonly Domain.Organization.TenantId Demo = DemoIds.DemoTenant;

    [RedisFact]
    public async Task WhenInstanceAPublishes_InstanceBReceivesEveryEventInOrder_AndOnlyARelaysThem()
    {
        using var b = database.OtherInstance();
        using var onB = b.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        using var otherTenantOnB = b.Feed.Subscribe(DemoIds.OtherTenant.Value, Boards.Opportunities);
        await WaitUntilSubscribedAsync(database.RedisFeed);
        await WaitUntilSubscribedAsync(b.Feed);
        using var relayA = database.RedisFeed.SubscribeRelay();
        using var relayB = b.Feed.SubscribeRelay();
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);

        await database.MoveAsync(Demo, DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);
        await database.MoveAsync(Demo, DemoIds.Rep1Stale, OpportunityStage.NeedsAnalysis);
        await database.MoveAsync(Demo, DemoIds.Rep1FreshLead, OpportunityStage.Lead);

        (await onB.NextAsync(3)).Select(e => (e.Sequence, e.CardId)).ShouldBe(
        [
            (before + 1, DemoIds.Rep1FreshLead.Value),
            (before + 2, DemoIds.Rep1Stale.Value),
            (before + 3, DemoIds.Rep1FreshLead.Value),
        ]);
        (await relayA.NextAsync(3)).Select(e => e.Sequence).ShouldBe([before + 1, before + 2, before + 3]);
        relayB.Reader.Buffered().Where(e => e.Board == Boards.Opportunities).ShouldBeEmpty("the backplane brings A's group sends to B's clients: B relaying too would send each event twice");
        otherTenantOnB.Reader.Buffered().ShouldBeEmpty();
    }

    [RedisFact]
    public async Task WhenRedisIsDown_AMoveCommitsAtOnce_AndWhenItIsBackSubscribersReloadAndTheSweepSendsTheEvent()
    {
        using var b = database.OtherInstance();
        var onB = b.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        await WaitUntilSubscribedAsync(b.Feed);
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        (await database.UnsentOutboxRowsAsync()).Select(r => $"{r.Board}#{r.Sequence}").ShouldBeEmpty("everything committed before the outage was published and marked sent");
        var resyncsOnA = database.RedisFeed.Resyncs;

        database.Redis.Stop();
        var clock = Stopwatch.StartNew();
        var moved = await database.MoveAsync(Demo, DemoIds.Rep2Negotiation, OpportunityStage.Proposal);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1.5), "a move must not wait for a Redis that is away");

        // Committed, numbered, and kept for the sweep.
        (await database.SequenceOfAsync(Demo, Boards.Opportunities)).ShouldBe(before + 1);
        var rows = await database.OutboxRowsAsync(Demo, Boards.Opportunities, before);
        rows.Select(r => (r.Sequence, r.CardId, r.PublishedAt)).ShouldBe([(before + 1, DemoIds.Rep2Negotiation.Value, (DateTimeOffset?)null)]);
        database.Clock.Advance(OutboxSweep.Grace);
        await Should.ThrowAsync<Exception>(async () => _ = await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace));
        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldAllBe(r => r.PublishedAt == null);

        database.Redis.Restart();

        // B is told to reload (what it missed is in the database) ...
        var reload = await Should.ThrowAsync<BoardFeedOverflowException>(async () =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (await onB.Reader.WaitToReadAsync(timeout.Token))
            {
                onB.Reader.TryRead(out _);
            }
        });
        reload.Message.ShouldContain("reconnected");
        onB.Dispose();
        using var again = b.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        await WaitUntilConnectedAsync(database.RedisFeed);
        await WaitUntilAsync(() => database.RedisFeed.Resyncs > resyncsOnA, "A did not tell its subscribers to reload.");
        database.RedisFeed.Resyncs.ShouldBe(resyncsOnA + 1, "one outage, one reload");

        // ... and the sweep sends the event the outage kept, once.
        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(1);
        var swept = await again.NextAsync();
        (swept.Sequence, swept.CardId, swept.CardVersion).ShouldBe((before + 1, DemoIds.Rep2Negotiation.Value, moved.Version));
        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldAllBe(r => r.PublishedAt != null);
    }

    /// <summary>A subscription is live once a probe event published through it comes back.</summary>
    private static async Task WaitUntilSubscribedAsync(RedisBoardFeed feed)
    {
        var probeTenant = Guid.NewGuid();
        using var probe = feed.Subscribe(probeTenant, "probe");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await feed.PublishAsync(new BoardEvent(probeTenant, "probe", 1, BoardEventKinds.Changed, Guid.Empty, 0, null, null, null, null, null, null, default, default));
            }
            catch (IOException) when (deadline.Elapsed < FeedReading.Guard)
            {
                // Still reconnecting after an earlier test's outage (the instance is shared): try again.
                await Task.Delay(100);
                continue;
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            try
            {
                await probe.Reader.ReadAsync(wait.Token);
                return;
            }
            catch (OperationCanceledException) when (deadline.Elapsed < FeedReading.Guard)
            {
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > FeedReading.Guard)
            {
                throw new TimeoutException(failure);
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilConnectedAsync(RedisBoardFeed feed)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < FeedReading.Guard)
        {
            try
            {
                await feed.PublishAsync(new BoardEvent(Guid.NewGuid(), "probe", 1, BoardEventKinds.Changed, Guid.Empty, 0, null, null, null, null, null, null, default, default));
                return;
            }
            catch (Exception exception) when (exception is IOException or StackExchange.Redis.RedisException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The feed did not reconnect to Redis.");
    }
}
