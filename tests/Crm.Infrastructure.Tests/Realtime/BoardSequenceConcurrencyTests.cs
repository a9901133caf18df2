using System.Text.Json;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>The board sequence is strictly increasing per tenant and board, without gaps, under concurrent commands.</summary>
public sealed class BoardSequenceConcurrencyTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private const int Writers = 8;
    private const int MovesEach = 25;

    [Fact]
    public async Task WhenEightWritersMoveCardsInParallel_TheSequenceIsExactlyOneToNWithoutGapsOrDuplicates()
    {
        var tenant = DemoIds.DemoTenant;
        var cards = await database.OpportunitiesInAsync(tenant, OpportunityStage.Lead, Writers);
        var before = await database.SequenceOfAsync(tenant, Boards.Opportunities);
        var versionsBefore = await VersionsAsync(tenant, cards);
        using var subscription = database.Feed.Subscribe(tenant.Value, Boards.Opportunities);
        const int total = Writers * MovesEach;
        var expected = Enumerable.Range(1, total).Select(n => before + n).ToList();

        // Each writer moves its own card back and forth, each move a command of its own: own context, load, MoveTo, save.
        var writers = cards.Select(card => Task.Run(async () =>
        {
            for (var move = 0; move < MovesEach; move++)
            {
                await database.MoveAsync(tenant, card, move % 2 == 0 ? OpportunityStage.FirstContact : OpportunityStage.Lead);
            }
        }));
        await Task.WhenAll(writers); // a "database is locked" would surface here

        var rows = await database.OutboxRowsAsync(tenant, Boards.Opportunities, before);
        rows.Select(r => r.Sequence).ShouldBe(expected);
        rows.ShouldAllBe(r => r.PublishedAt != null);
        (await database.SequenceOfAsync(tenant, Boards.Opportunities)).ShouldBe(before + total);

        var received = await subscription.NextAsync(total);
        received.Select(e => e.Sequence).Order().ShouldBe(expected);
        subscription.Reader.Buffered().ShouldBeEmpty();

        // In sequence order, every card's versions go up one by one, as the rows say.
        var stored = rows.Select(r => JsonSerializer.Deserialize<BoardEvent>(r.Payload)!).ToList();
        foreach (var card in cards)
        {
            var versions = stored.Where(e => e.CardId == card.Value).Select(e => e.CardVersion).ToList();
            versions.ShouldBe(Enumerable.Range(1, MovesEach).Select(n => versionsBefore[card] + n).ToList());
            received.Where(e => e.CardId == card.Value).OrderBy(e => e.Sequence).Select(e => e.CardVersion).ShouldBe(versions);
        }

        var versionsAfter = await VersionsAsync(tenant, cards);
        versionsAfter.ShouldAllBe(v => v.Value == versionsBefore[v.Key] + MovesEach);
    }

    [Fact]
    public async Task WhenTwoTenantsMoveCards_EachTenantHasItsOwnSequence()
    {
        var demo = DemoIds.DemoTenant;
        var other = DemoIds.OtherTenant;
        var demoCard = (await database.OpportunitiesInAsync(demo, OpportunityStage.FirstContact, 1))[0];
        var demoBefore = await database.SequenceOfAsync(demo, Boards.Opportunities);
        var otherBefore = await database.SequenceOfAsync(other, Boards.Opportunities);
        using var demoFeed = database.Feed.Subscribe(demo.Value, Boards.Opportunities);
        using var otherFeed = database.Feed.Subscribe(other.Value, Boards.Opportunities);

        var stages = new[] { OpportunityStage.NeedsAnalysis, OpportunityStage.FirstContact, OpportunityStage.NeedsAnalysis };
        foreach (var stage in stages)
        {
            await database.MoveAsync(demo, demoCard, stage);
            await database.MoveAsync(other, DemoIds.OtherTenantOpportunity, stage == OpportunityStage.NeedsAnalysis ? OpportunityStage.FirstContact : OpportunityStage.NeedsAnalysis);
        }

        (await demoFeed.NextAsync(3)).Select(e => (e.TenantId, e.Sequence)).ShouldBe([(demo.Value, demoBefore + 1), (demo.Value, demoBefore + 2), (demo.Value, demoBefore + 3)]);
        (await otherFeed.NextAsync(3)).Select(e => (e.TenantId, e.Sequence)).ShouldBe([(other.Value, otherBefore + 1), (other.Value, otherBefore + 2), (other.Value, otherBefore + 3)]);
        (await database.OutboxRowsAsync(demo, Boards.Opportunities, demoBefore)).Select(r => r.Sequence).ShouldBe([demoBefore + 1, demoBefore + 2, demoBefore + 3]);
        (await database.OutboxRowsAsync(other, Boards.Opportunities, otherBefore)).Select(r => r.Sequence).ShouldBe([otherBefore + 1, otherBefore + 2, otherBefore + 3]);
        demoFeed.Reader.Buffered().ShouldBeEmpty();
        otherFeed.Reader.Buffered().ShouldBeEmpty();
    }

    private async Task<Dictionary<OpportunityId, long>> VersionsAsync(TenantId tenant, List<OpportunityId> cards)
    {
        await using var db = database.CreateFor(tenant);
        return await db.Opportunities.Where(o => cards.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Version);
    }
}
