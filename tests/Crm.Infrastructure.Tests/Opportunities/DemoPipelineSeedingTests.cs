using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Opportunities;

public sealed class DemoPipelineSeedingTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly DateTimeOffset Now = SeededDatabase.Now;

    private async Task<List<Opportunity>> DemoOpportunities()
    {
        await using var db = database.Model.CreateFor(DemoIds.DemoTenant);
        return await db.Opportunities.ToListAsync();
    }

    [Fact]
    public async Task WhenSeeded_HasSixtyCustomersWithContactsInTheThreeShops()
    {
        await using var db = database.Model.CreateFor(DemoIds.DemoTenant);
        var all = await db.Customers.ToListAsync();
        var catalog = Enumerable.Range(1, DemoIds.CustomerCount).Select(DemoIds.Customer).ToHashSet();
        var customers = all.Where(c => catalog.Contains(c.Id)).ToList();

        all.Count.ShouldBe(PoolDemoSeeder.TotalCustomers, "the pool's demo adds the rest of the thousand");
        customers.Count.ShouldBe(DemoIds.CustomerCount);
        customers.ShouldAllBe(c => c.Contacts.Count >= 1 && c.Contacts.Count <= 3);
        customers.Select(c => c.ShopId).Distinct().Count().ShouldBe(3);
        customers.Count(c => c.OwnerId == null).ShouldBe(6);
        customers.Where(c => c.ShopId == DemoIds.TmallShop && c.OwnerId != null).ShouldAllBe(c => c.OwnerId == DemoIds.Rep1);
        customers.Where(c => c.ShopId == DemoIds.JdShop && c.OwnerId != null).ShouldAllBe(c => c.OwnerId == DemoIds.Rep2);
    }

    [Fact]
    public async Task WhenSeeded_HasTwoHundredOpportunitiesInEveryStage()
    {
        var opportunities = await DemoOpportunities();

        opportunities.Count.ShouldBe(DemoIds.OpportunityCount);
        opportunities.Select(o => o.Stage).Distinct().Order().ShouldBe(OpportunityStages.All);
        opportunities.ShouldAllBe(o => o.StageHistory.Count == 0 || o.StageHistory.Max(c => c.At) == o.StageEnteredAt);
        opportunities.Count(o => o.FollowUps.Count > 0).ShouldBeGreaterThan(150);
        opportunities.Count(o => o.StageHistory.Any(c => c.IsBackwards)).ShouldBeGreaterThan(0);
        opportunities.Where(o => o.Stage == OpportunityStage.Lost).ShouldAllBe(o => o.LostReason != null);
        opportunities.Where(o => o.Stage >= OpportunityStage.Proposal && o.Stage != OpportunityStage.Lost).ShouldAllBe(o => o.NeedsSummary != null);
    }

    [Fact]
    public async Task WhenSeeded_RepsOwnMostDealsAndOnlyInTheirShopWithTheirCustomers()
    {
        var opportunities = await DemoOpportunities();
        await using var db = database.Model.CreateFor(DemoIds.DemoTenant);
        var customerOwners = await db.Customers.ToDictionaryAsync(c => c.Id, c => c.OwnerId);

        opportunities.Count(o => o.OwnerId == DemoIds.Rep1 || o.OwnerId == DemoIds.Rep2).ShouldBeGreaterThan(170);
        opportunities.Where(o => o.OwnerId == DemoIds.Rep1).ShouldAllBe(o => o.ShopId == DemoIds.TmallShop);
        opportunities.Where(o => o.OwnerId == DemoIds.Rep2).ShouldAllBe(o => o.ShopId == DemoIds.JdShop);
        opportunities.ShouldAllBe(o => customerOwners[o.CustomerId] == o.OwnerId);
        opportunities.ShouldAllBe(o => o.ContactId != null);
    }

    [Fact]
    public async Task WhenSeeded_AmountsAreBetween5000And500000CnyExceptTheOneNotQuotedYet()
    {
        var opportunities = await DemoOpportunities();

        opportunities.Where(o => o.Id != DemoIds.Rep1ProposalWithoutAmount)
            .ShouldAllBe(o => o.Amount.Amount >= 5_000m && o.Amount.Amount <= 500_000m && o.Amount.Currency == "CNY");
        opportunities.Single(o => o.Id == DemoIds.Rep1ProposalWithoutAmount).Amount.Amount.ShouldBe(0m);
    }

    [Fact]
    public async Task WhenSeeded_SomeOpenDealsAreStaleAndTheNamedOnesAreAsDescribed()
    {
        var opportunities = (await DemoOpportunities()).ToDictionary(o => o.Id);
        var stale = opportunities.Values.Count(o => o.IsStale(StaleRule.Default, Now));

        stale.ShouldBeInRange(15, 60);
        opportunities[DemoIds.Rep1FreshLead].Stage.ShouldBe(OpportunityStage.Lead);
        opportunities[DemoIds.Rep1FreshLead].IsStale(StaleRule.Default, Now).ShouldBeFalse();
        StageBlueprint.Default.MissingFor(opportunities[DemoIds.Rep1NeedsAnalysisWithoutSummary], OpportunityStage.Proposal)
            .ShouldBe([StageRequirement.NeedsSummary]);
        StageBlueprint.Default.MissingFor(opportunities[DemoIds.Rep1ProposalWithoutAmount], OpportunityStage.Negotiation)
            .ShouldBe([StageRequirement.PositiveAmount]);
        opportunities[DemoIds.Rep1Stale].IsStale(StaleRule.Default, Now).ShouldBeTrue();
        opportunities[DemoIds.Rep1Stale].DaysSinceFollowUp(Now).ShouldBe(12);
        opportunities[DemoIds.Rep2Negotiation].Stage.ShouldBe(OpportunityStage.Negotiation);
        opportunities[DemoIds.Rep2Won].Stage.ShouldBe(OpportunityStage.Won);
        opportunities[DemoIds.Rep2Lost].Stage.ShouldBe(OpportunityStage.Lost);
        opportunities[DemoIds.ManagerWholesaleProposal].ShopId.ShouldBe(DemoIds.AlibabaShop);
    }

    [Fact]
    public async Task WhenSeededAgain_AddsNothing()
    {
        await database.SeedAsync();

        await using var db = database.Model.CreateFor(DemoIds.DemoTenant);
        (await db.Customers.CountAsync()).ShouldBe(PoolDemoSeeder.TotalCustomers);
        (await db.Opportunities.CountAsync()).ShouldBe(DemoIds.OpportunityCount);
    }

    [Fact]
    public async Task WhenSeededIntoAnotherDatabaseAtTheSameTime_IsTheSameData()
    {
        await using var other = new SeededDatabase();
        await other.InitializeAsync();
        await using var theirs = other.Model.CreateFor(DemoIds.DemoTenant);

        var mine = (await DemoOpportunities()).Select(Fingerprint).Order().ToList();
        var seededAgain = (await theirs.Opportunities.ToListAsync()).Select(Fingerprint).Order().ToList();

        seededAgain.ShouldBe(mine);
    }

    [Fact]
    public async Task WhenTheOtherCompanyLooks_SeesOnlyItsOwnTwoDeals()
    {
        await using var db = database.Model.CreateFor(DemoIds.OtherTenant);

        var opportunities = await db.Opportunities.ToListAsync();

        opportunities.Count.ShouldBe(2);
        opportunities.ShouldAllBe(o => o.TenantId == DemoIds.OtherTenant && o.ShopId == DemoIds.OtherShop);
        (await db.Customers.CountAsync()).ShouldBe(2);
    }

    private static string Fingerprint(Opportunity o) =>
        string.Join(
            '|',
            o.Id,
            o.Title,
            o.Amount,
            o.Stage,
            o.OwnerId,
            o.CustomerId,
            o.Score,
            o.CreatedAt.UtcTicks,
            o.LastFollowedUpAt?.UtcTicks,
            string.Join(',', o.FollowUps.OrderBy(f => f.Id.Value).Select(f => $"{f.Id}:{f.At.UtcTicks}:{f.Note}")),
            string.Join(',', o.StageHistory.OrderBy(c => c.At).ThenBy(c => c.To).Select(c => $"{c.From}>{c.To}@{c.At.UtcTicks}")));
}
