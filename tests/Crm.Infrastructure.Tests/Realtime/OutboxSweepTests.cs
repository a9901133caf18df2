using Crm.Domain.Opportunities;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>The sweep re-publishes what a failed publish (or a crash before it) left unsent, once, after its grace period.</summary>
public sealed class OutboxSweepTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly Domain.Organization.TenantId Demo = DemoIds.DemoTenant;

    [Fact]
    public async Task WhenPublishingFailed_TheSweepRepublishesAfterTheGraceMarksThemSentAndASecondSweepSendsNothing()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        var moves = new[] { (DemoIds.Rep1FreshLead, OpportunityStage.FirstContact), (DemoIds.Rep1Stale, OpportunityStage.NeedsAnalysis), (DemoIds.Rep1FreshLead, OpportunityStage.Lead) };
        var versions = new List<long>();
        using (database.Feed.GoDown())
        {
            foreach (var (id, stage) in moves)
            {
                // The user's save succeeds although the feed is down.
                versions.Add((await database.MoveAsync(Demo, id, stage)).Version);
            }
        }

        database.Feed.FailedPublishes.ShouldBeGreaterThanOrEqualTo(moves.Length);
        var unsent = await database.OutboxRowsAsync(Demo, Boards.Opportunities, before);
        unsent.Select(r => r.Sequence).ShouldBe([before + 1, before + 2, before + 3]);
        unsent.ShouldAllBe(r => r.PublishedAt == null);
        subscription.Reader.Buffered().ShouldBeEmpty();

        // Within the grace period the writer may still be publishing: the sweep leaves the rows alone.
        database.Clock.Advance(OutboxSweep.Grace - TimeSpan.FromMilliseconds(1));
        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(0);
        subscription.Reader.Buffered().ShouldBeEmpty();

        database.Clock.Advance(TimeSpan.FromMilliseconds(1));
        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(moves.Length);

        var republished = await subscription.NextAsync(moves.Length);
        republished.Select(e => (e.Sequence, e.CardId, e.CardVersion)).ShouldBe(
            moves.Select((m, i) => (before + 1 + i, m.Item1.Value, versions[i])));
        republished.ShouldAllBe(e => e.TenantId == Demo.Value && e.Board == Boards.Opportunities && e.Kind == BoardEventKinds.Moved);
        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldAllBe(r => r.PublishedAt == database.Clock.GetUtcNow());

        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(0);
        subscription.Reader.Buffered().ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheWriterCrashedBetweenPublishAndMark_TheSweepSendsTheSameEventAgainOnce()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        await database.MoveAsync(Demo, DemoIds.Rep2Negotiation, OpportunityStage.Proposal);
        var first = await subscription.NextAsync();

        // The crash: the row never got its PublishedAt (once the background marking has settled).
        await database.Outbox.FlushAsync();
        await using (var db = database.CreateSystem())
        {
            (await db.OutboxMessages.Where(m => m.TenantId == Demo.Value && m.Board == Boards.Opportunities && m.Sequence == before + 1)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, (DateTimeOffset?)null))).ShouldBe(1);
        }

        database.Clock.Advance(OutboxSweep.Grace);
        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(1);
        var again = await subscription.NextAsync();
        again.ShouldBe(first with { CommittedAt = again.CommittedAt }, "a duplicate that subscribers drop by its sequence");

        (await database.Outbox.SweepAsync(database.Model, OutboxSweep.Grace)).ShouldBe(0);
        subscription.Reader.Buffered().ShouldBeEmpty();
    }
}
