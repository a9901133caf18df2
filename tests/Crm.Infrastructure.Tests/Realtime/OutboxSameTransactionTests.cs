using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// ARCHITECTURE.md §2: the change, its outbox row and its board sequence number are one transaction;
/// the event is published only after that transaction committed.
/// </summary>
public sealed class OutboxSameTransactionTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly Domain.Organization.TenantId Demo = DemoIds.DemoTenant;

    [Fact]
    public async Task WhenAnOpportunityMoves_OneOutboxRowIsWrittenAndTheSameEventReachesASubscriberAfterCommit()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        (OpportunityStage Stage, int Rows)? seenByPublisher = null;
        database.Feed.BeforeDelivery = async e =>
        {
            // Another connection: it sees only what is committed.
            await using var other = database.CreateFor(Demo);
            var stage = await other.Opportunities.Where(o => o.Id == new OpportunityId(e.CardId)).Select(o => o.Stage).SingleAsync();
            var rows = await other.OutboxMessages.CountAsync(m => m.TenantId == e.TenantId && m.Board == e.Board && m.Sequence == e.Sequence);
            seenByPublisher = (stage, rows);
        };

        Opportunity moved;
        try
        {
            moved = await database.MoveAsync(Demo, DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);
        }
        finally
        {
            database.Feed.BeforeDelivery = null;
        }

        var row = (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldHaveSingleItem();
        row.TenantId.ShouldBe(Demo.Value);
        row.Board.ShouldBe(Boards.Opportunities);
        row.Sequence.ShouldBe(before + 1);
        row.CardId.ShouldBe(DemoIds.Rep1FreshLead.Value);
        row.PublishedAt.ShouldNotBeNull();
        var stored = JsonSerializer.Deserialize<BoardEvent>(row.Payload).ShouldNotBeNull();
        stored.CardVersion.ShouldBe(moved.Version);
        (await database.SequenceOfAsync(Demo, Boards.Opportunities)).ShouldBe(before + 1);

        var received = await subscription.NextAsync();
        received.TenantId.ShouldBe(Demo.Value);
        received.Board.ShouldBe(Boards.Opportunities);
        received.Sequence.ShouldBe(before + 1);
        received.Kind.ShouldBe(BoardEventKinds.Moved);
        received.CardId.ShouldBe(DemoIds.Rep1FreshLead.Value);
        received.CardVersion.ShouldBe(moved.Version);
        received.ShopId.ShouldBe(moved.ShopId.Value);
        received.OwnerId.ShouldBe(moved.OwnerId.Value);
        var card = OpportunityCard.FromJson(received.CardJson.ShouldNotBeNull());
        card.Stage.ShouldBe(OpportunityStage.FirstContact);
        card.Version.ShouldBe(moved.Version);
        received.ShouldBe(stored with { CommittedAt = received.CommittedAt });

        seenByPublisher.ShouldBe((OpportunityStage.FirstContact, 1), "the publisher ran before the change and its outbox row were committed");
        subscription.Reader.Buffered().ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheCallerRollsBackItsTransaction_NoChangeNoOutboxRowNoSequenceAndNoEventRemain()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        var versionBefore = await VersionOfAsync(DemoIds.Rep1Stale);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);

        await using (var db = database.CreateFor(Demo))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep1Stale);
            opportunity.MoveTo(OpportunityStage.NeedsAnalysis, StageBlueprint.Default, opportunity.OwnerId, false, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();

            // Inside the caller's transaction the row and the number exist ...
            (await db.OutboxMessages.CountAsync(m => m.TenantId == Demo.Value && m.Board == Boards.Opportunities && m.Sequence == before + 1)).ShouldBe(1);
            (await OpportunityCards.CurrentSequenceAsync(db, Boards.Opportunities, CancellationToken.None)).ShouldBe(before + 1);

            // ... and go with it.
            await transaction.RollbackAsync();
        }

        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldBeEmpty();
        (await database.SequenceOfAsync(Demo, Boards.Opportunities)).ShouldBe(before);
        (await VersionOfAsync(DemoIds.Rep1Stale)).ShouldBe(versionBefore);
        await using (var check = database.CreateFor(Demo))
        {
            (await check.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep1Stale)).Stage.ShouldBe(OpportunityStage.FirstContact);
        }

        // The next change takes the number the rolled-back one had, and is the first thing the subscriber sees.
        await database.MoveAsync(Demo, DemoIds.Rep1Stale, OpportunityStage.NeedsAnalysis);
        var next = await subscription.NextAsync();
        next.Sequence.ShouldBe(before + 1);
        next.CardVersion.ShouldBe(versionBefore + 1);
    }

    [Fact]
    public async Task WhenWritingTheOutboxFails_TheChangeIsRolledBackAndNothingIsPublished()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        var versionBefore = await VersionOfAsync(DemoIds.Rep2Negotiation);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);
        var failing = database.Model.WithOutbox(
            new BoardOutbox([new FailingProjector()], database.Feed, database.Clock, NullLogger<BoardOutbox>.Instance));

        await using (var db = failing.CreateFor(Demo))
        {
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep2Negotiation);
            opportunity.MoveTo(OpportunityStage.Proposal, StageBlueprint.Default, opportunity.OwnerId, false, database.Clock.GetUtcNow());
            await Should.ThrowAsync<InvalidOperationException>(async () => _ = await db.SaveChangesAsync());

            // Nothing was accepted: the context knows the move is still unsaved, as the database does.
            db.Entry(opportunity).State.ShouldBe(EntityState.Modified);
        }

        await using (var check = database.CreateFor(Demo))
        {
            var stored = await check.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep2Negotiation);
            stored.Stage.ShouldBe(OpportunityStage.Negotiation);
            stored.Version.ShouldBe(versionBefore);
            stored.StageHistory.Count(c => c.To == OpportunityStage.Proposal && c.At == database.Clock.GetUtcNow()).ShouldBe(0);
        }

        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldBeEmpty();
        (await database.SequenceOfAsync(Demo, Boards.Opportunities)).ShouldBe(before);
        await database.MoveAsync(Demo, DemoIds.Rep2Negotiation, OpportunityStage.Proposal);
        (await subscription.NextAsync()).Sequence.ShouldBe(before + 1);
    }

    private async Task<long> VersionOfAsync(OpportunityId id)
    {
        await using var db = database.CreateFor(Demo);
        return await db.Opportunities.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }

    /// <summary>Fails inside the save's transaction, while the change's event is being projected.</summary>
    private sealed class FailingProjector : IBoardProjector
    {
        public string Board => Boards.Opportunities;

        public bool Handles(object entity) => entity is Opportunity;

        public Task<BoardCard?> ProjectAsync(CrmDbContext db, object entity, IReadOnlyCollection<IDomainEvent> events, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The projector failed.");
    }
}
