using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Approvals;
using Crm.Web.Features.Pool;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

/// <summary>
/// What approving a pool claim does, run as a decision command runs it: Approve, then the outcome found by kind in
/// DI, then one SaveChanges. The demo has two pending claims on customer 18 (rep2's and rep1's).
/// </summary>
public sealed class PoolClaimOutcomeTests : IAsyncLifetime
{
    private static readonly CustomerId Customer18 = DemoIds.Customer(18);
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var now = TimeProvider.System.GetUtcNow();
        _app.Clock.SetUtcNow(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        _app.SignIn(DemoUsers.Manager);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private IApprovalOutcome Outcome => _app.Get<IEnumerable<IApprovalOutcome>>().Single(o => o.Kind == ApprovalKind.PoolClaim);

    [Fact]
    public async Task WhenAClaimIsApproved_TheRequesterOwnsTheCustomerAndTheCompetingClaimIsRejectedWithTheReason()
    {
        await using (var db = _app.Database.OpenDemo())
        {
            await DecideAsync(db, PoolDemoSeeder.Rep1ClaimOnCustomer18);
            await db.SaveChangesAsync();
        }

        await using var after = _app.Database.OpenDemo();
        var customer = await after.Customers.SingleAsync(c => c.Id == Customer18);
        customer.OwnerId.ShouldBe(DemoIds.Rep1);
        customer.ClaimApprovedAt.ShouldBe(_app.Clock.GetUtcNow());
        customer.OwnershipHistory.OrderBy(h => h.At).Last().Kind.ShouldBe(OwnershipChangeKind.Claimed);
        var competing = await after.ApprovalRequests.SingleAsync(r => r.Id == DemoIds.Rep2PendingClaim);
        competing.Status.ShouldBe(ApprovalStatus.Rejected);
        competing.DecidedById.ShouldBeNull();
        competing.Comment.ShouldBe(PoolClaimOutcome.CompetingClaimApproved);
    }

    [Fact]
    public async Task WhenTheRequesterReachedCapacitySinceClaiming_TheApprovalIsRefusedAndNothingChanges()
    {
        await using var db = _app.Database.OpenDemo();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == Customer18);
        var owned = await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1 && c.RegionId == customer.RegionId);
        var tenant = await db.Tenants.SingleAsync();
        var p = PoolDemoSeeder.DemoPolicy;
        tenant.ConfigurePool(
            Domain.Customers.Pool.PoolPolicy.Create(
                Domain.Customers.Pool.TierNames.AllTiers.ToDictionary(t => t, p.For), p.TierNames, p.MaxLockedPerRep, p.ClaimCooldownDays,
                p.MaxClaimsPerRepPerDay, p.FollowUpAfterClaimDays, owned, new Dictionary<Domain.Organization.RegionId, int>(), p.RegionAccess),
            _app.Clock.GetUtcNow());
        await db.SaveChangesAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() => DecideAsync(db, PoolDemoSeeder.Rep1ClaimOnCustomer18));

        refusal.Code.ShouldBe("pool.capacity-reached");
        await using var after = _app.Database.OpenDemo();
        (await after.Customers.SingleAsync(c => c.Id == Customer18)).IsInPool.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTwoManagersApproveTheCompetingClaimsAtOnce_ExactlyOneOwnerAndTheLoserSeesAConflict()
    {
        await using var first = _app.Database.OpenDemo();
        await using var second = _app.Database.OpenDemo();
        await DecideAsync(first, PoolDemoSeeder.Rep1ClaimOnCustomer18);
        await DecideAsync(second, DemoIds.Rep2PendingClaim);

        var saves = await Task.WhenAll(SaveAsync(first), SaveAsync(second));

        saves.Count(s => s is null).ShouldBe(1);
        saves.Single(s => s is not null).ShouldBeOfType<DbUpdateConcurrencyException>();
        await using var after = _app.Database.OpenDemo();
        var customer = await after.Customers.SingleAsync(c => c.Id == Customer18);
        var claims = await after.ApprovalRequests.Where(r => r.Subject.Id == Customer18.Value).ToListAsync();
        claims.Count(c => c.Status == ApprovalStatus.Approved).ShouldBe(1);
        claims.Count(c => c.Status == ApprovalStatus.Rejected).ShouldBe(1);
        customer.OwnerId.ShouldBe(claims.Single(c => c.Status == ApprovalStatus.Approved).RequesterId);
    }

    private async Task DecideAsync(CrmDbContext db, ApprovalRequestId id)
    {
        var now = _app.Clock.GetUtcNow();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Id == id);
        request.Approve(DemoIds.Manager, "Go ahead.", now);
        await Outcome.OnApprovedAsync(db, request, now, CancellationToken.None);
    }

    private static async Task<Exception?> SaveAsync(CrmDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException conflict)
        {
            return conflict;
        }
    }
}
