using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>A save that holds an older Version is refused: nothing is overwritten, nothing is numbered or published for it.</summary>
public sealed class StaleVersionTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    [Fact]
    public async Task WhenTwoContextsMoveTheSameOpportunity_TheSecondSaveIsRefusedAndOnlyTheFirstMoveIsStoredAndPublished()
    {
        var tenant = DemoIds.DemoTenant;
        var id = DemoIds.Rep1FreshLead;
        var before = await database.SequenceOfAsync(tenant, Boards.Opportunities);
        using var subscription = database.Feed.Subscribe(tenant.Value, Boards.Opportunities);
        var now = database.Clock.GetUtcNow();

        await using var first = database.CreateFor(tenant);
        await using var second = database.CreateFor(tenant);
        var firstCopy = await first.Opportunities.SingleAsync(o => o.Id == id);
        var secondCopy = await second.Opportunities.SingleAsync(o => o.Id == id);
        var loadedVersion = firstCopy.Version;
        secondCopy.Version.ShouldBe(loadedVersion);

        firstCopy.MoveTo(OpportunityStage.FirstContact, StageBlueprint.Default, firstCopy.OwnerId, false, now);
        await first.SaveChangesAsync();
        secondCopy.MoveTo(OpportunityStage.Lost, StageBlueprint.Default, secondCopy.OwnerId, false, now, new StageCompletion(null, null, "Lost to a competitor"));
        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());

        await using (var check = database.CreateFor(tenant))
        {
            var stored = await check.Opportunities.SingleAsync(o => o.Id == id);
            stored.Stage.ShouldBe(OpportunityStage.FirstContact);
            stored.LostReason.ShouldBeNull();
            stored.Version.ShouldBe(loadedVersion + 1);
            stored.StageHistory.ShouldNotContain(c => c.To == OpportunityStage.Lost);
        }

        var row = (await database.OutboxRowsAsync(tenant, Boards.Opportunities, before)).ShouldHaveSingleItem();
        row.Sequence.ShouldBe(before + 1);
        row.CardId.ShouldBe(id.Value);
        (await database.SequenceOfAsync(tenant, Boards.Opportunities)).ShouldBe(before + 1);

        var published = await subscription.NextAsync();
        published.Sequence.ShouldBe(before + 1);
        published.CardVersion.ShouldBe(loadedVersion + 1);
        OpportunityCard.FromJson(published.CardJson!).Stage.ShouldBe(OpportunityStage.FirstContact);

        // The refused save published nothing: the next change is the very next event.
        await database.MoveAsync(tenant, DemoIds.Rep1Stale, OpportunityStage.NeedsAnalysis);
        (await subscription.NextAsync()).ShouldSatisfyAllConditions(
            e => e.Sequence.ShouldBe(before + 2),
            e => e.CardId.ShouldBe(DemoIds.Rep1Stale.Value));
    }
}
