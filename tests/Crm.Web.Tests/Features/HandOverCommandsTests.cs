using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Customers;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

/// <summary>The owner hand-over when a rep leaves, over the demo database, done by the manager (Wang Fang, head office).</summary>
public sealed class HandOverCommandsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Manager);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private HandOverCommands HandOver => _app.Get<HandOverCommands>();

    [Fact]
    public async Task WhenRep1sBookGoesToRep2_EveryCustomerAndOpenOpportunityMovesAndTheFollowUpsStay()
    {
        var (customers, open, closed, followUps) = await Rep1BookAsync();
        await SetCapacitiesToRep2sNeedsAsync(shortBy: 0);

        var result = await HandOver.HandOverAsync(new HandOverRequest(DemoIds.Rep1.Value, DemoIds.Rep2.Value, null));

        result.ShouldBe(new HandOverResult("Li Wei", "Zhang Min", customers.Count, open.Count, OpportunitiesToActor: false));
        await using var db = _app.Database.OpenDemo();
        var moved = await db.Customers.AsNoTracking().Where(c => customers.Contains(c.Id)).ToListAsync();
        moved.ShouldAllBe(c => c.OwnerId == DemoIds.Rep2);
        moved.ShouldAllBe(c => c.OwnershipHistory.Any(h => h.Kind == OwnershipChangeKind.HandedOver && h.FromOwnerId == DemoIds.Rep1
                                                             && h.ToOwnerId == DemoIds.Rep2 && h.ActorId == DemoIds.Manager));
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => open.Contains(o.Id) || closed.Contains(o.Id)).ToListAsync();
        opportunities.Where(o => open.Contains(o.Id)).ShouldAllBe(o => o.OwnerId == DemoIds.Rep2);
        opportunities.Where(o => closed.Contains(o.Id)).ShouldAllBe(o => o.OwnerId == DemoIds.Rep1);
        (await db.Set<CustomerFollowUp>().CountAsync(f => customers.Contains(f.CustomerId))).ShouldBe(followUps);
        (await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1)).ShouldBe(0);
    }

    [Fact]
    public async Task WhenOneRegionOfTheReceivingRepIsOneShortOfRoom_TheHandOverIsRefusedAndNothingMoves()
    {
        var (customers, _, _, _) = await Rep1BookAsync();
        var (_, capacity) = await SetCapacitiesToRep2sNeedsAsync(shortBy: 1);

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(async () =>
            _ = await HandOver.HandOverAsync(new HandOverRequest(DemoIds.Rep1.Value, DemoIds.Rep2.Value, null)));

        refusal.Code.ShouldBe("pool.capacity-reached");
        refusal.Arguments.ShouldBe([capacity]);
        await using var db = _app.Database.OpenDemo();
        (await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1)).ShouldBe(customers.Count);
    }

    [Fact]
    public async Task WhenRep1sBookGoesToThePool_CustomersArePooledWithTheReasonAndOpenOpportunitiesGoToTheManager()
    {
        var (customers, open, _, _) = await Rep1BookAsync();

        var result = await HandOver.HandOverAsync(new HandOverRequest(DemoIds.Rep1.Value, null, "Li Wei left the company"));

        result.ShouldBe(new HandOverResult("Li Wei", null, customers.Count, open.Count, OpportunitiesToActor: true));
        await using var db = _app.Database.OpenDemo();
        var pooled = await db.Customers.AsNoTracking().Where(c => customers.Contains(c.Id)).ToListAsync();
        pooled.ShouldAllBe(c => c.OwnerId == null && c.PoolReason == "Li Wei left the company" && c.FormerOwnerId == DemoIds.Rep1);
        (await db.Opportunities.AsNoTracking().Where(o => open.Contains(o.Id)).ToListAsync()).ShouldAllBe(o => o.OwnerId == DemoIds.Manager);
    }

    [Fact]
    public async Task WhenTheBookGoesToThePoolWithoutAReason_ItIsRefusedAndNothingMoves()
    {
        var (customers, _, _, _) = await Rep1BookAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(async () => _ = await HandOver.HandOverAsync(new HandOverRequest(DemoIds.Rep1.Value, null, " ")));

        refusal.Code.ShouldBe("customer.hand-over-reason-required");
        await using var db = _app.Database.OpenDemo();
        (await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1)).ShouldBe(customers.Count);
    }

    [Fact]
    public async Task WhenARepTriesAHandOver_ItIsRefusedAndNothingMoves()
    {
        _app.SignIn(DemoUsers.Rep1);
        var (customers, _, _, _) = await Rep1BookAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(async () =>
            _ = await HandOver.HandOverAsync(new HandOverRequest(DemoIds.Rep1.Value, DemoIds.Rep2.Value, null)));

        refusal.Code.ShouldBe("customer.hand-over-requires-manager");
        await using var db = _app.Database.OpenDemo();
        (await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1)).ShouldBe(customers.Count);
    }

    /// <summary>
    /// As the admin's pool settings would: each region's capacity is exactly what rep2 owns there plus what rep1's book
    /// brings (so the hand-over fits only when counted per region, as the capacity is meant), <paramref name="shortBy"/> less
    /// in the region where rep1 has the most. Returns that region and its capacity.
    /// </summary>
    private async Task<(RegionId Region, int Capacity)> SetCapacitiesToRep2sNeedsAsync(int shortBy)
    {
        await using var db = _app.Database.OpenDemo();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1 || c.OwnerId == DemoIds.Rep2)
            .Select(c => new { c.OwnerId, c.RegionId }).ToListAsync();
        owned.ShouldNotContain(c => c.RegionId == null, "every demo customer has a region");
        var needs = owned.GroupBy(c => c.RegionId!.Value).ToDictionary(g => g.Key, g => g.Count());
        var tightest = owned.Where(c => c.OwnerId == DemoIds.Rep1).GroupBy(c => c.RegionId!.Value).MaxBy(g => g.Count())!.Key;
        needs[tightest] -= shortBy;
        needs.Values.Sum().ShouldBeGreaterThan(needs.Values.Max(), "the book spans regions, so a count over all of them would not fit");

        var tenant = await db.Tenants.SingleAsync();
        tenant.ConfigurePool(tenant.Pool.WithRegionCapacities(needs), _app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return (tightest, needs[tightest]);
    }

    private async Task<(List<CustomerId> Customers, List<OpportunityId> Open, List<OpportunityId> Closed, int FollowUps)> Rep1BookAsync()
    {
        await using var db = _app.Database.OpenDemo();
        var customers = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1).Select(c => c.Id).ToListAsync();
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.OwnerId == DemoIds.Rep1).ToListAsync();
        var followUps = await db.Set<CustomerFollowUp>().CountAsync(f => customers.Contains(f.CustomerId));
        customers.ShouldNotBeEmpty();
        followUps.ShouldBeGreaterThan(0);
        return (customers, [.. opportunities.Where(o => !o.IsClosed).Select(o => o.Id)], [.. opportunities.Where(o => o.IsClosed).Select(o => o.Id)], followUps);
    }
}
