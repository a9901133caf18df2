using Crm.Domain.Approvals;
using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Pool;

/// <summary>
/// Two managers approve two competing claims on the same pool customer at the same moment, each in its own
/// context on real SQLite, each doing what a pool-claim approval does (approve, give the customer, reject the
/// other claim automatically). The customer's Version lets exactly one commit; the other is a conflict and
/// writes nothing.
/// </summary>
public sealed class CompetingClaimApprovalTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    [Fact]
    public async Task WhenTwoCompetingClaimsAreApprovedAtOnce_ExactlyOneRepOwnsTheCustomerAndTheOtherClaimIsRejected()
    {
        var customerId = await PoolCustomerAsync();
        var byRep1 = await ClaimAsync(customerId, DemoIds.Rep1);
        var byRep2 = await ClaimAsync(customerId, DemoIds.Rep2);

        // Both load before either saves: the race the Version token exists for.
        await using var first = database.CreateFor(DemoIds.DemoTenant);
        await using var second = database.CreateFor(DemoIds.DemoTenant);
        await ApproveAsync(first, byRep1, byRep2);
        await ApproveAsync(second, byRep2, byRep1);
        var results = await Task.WhenAll(SaveAsync(first), SaveAsync(second));

        results.Count(r => r is null).ShouldBe(1, "exactly one approval commits");
        results.Single(r => r is not null).ShouldBeOfType<DbUpdateConcurrencyException>();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        var requests = await db.ApprovalRequests.Where(r => r.Id == byRep1 || r.Id == byRep2).ToListAsync();
        var winner = requests.Single(r => r.Status == ApprovalStatus.Approved);
        var loser = requests.Single(r => r.Status == ApprovalStatus.Rejected);
        customer.OwnerId.ShouldBe(winner.RequesterId);
        customer.OwnershipHistory.Count(h => h.Kind == OwnershipChangeKind.Claimed).ShouldBe(1);
        loser.DecidedById.ShouldBeNull("the system rejected it, not a manager");
        loser.Comment.ShouldBe("Another claim was approved.");
    }

    private async Task<CustomerId> PoolCustomerAsync()
    {
        var id = CustomerId.New();
        var customer = Customer.Register(id, DemoIds.DemoTenant, DemoIds.TmallShop, $"Race {id.Value:N}", null, null, database.Clock.GetUtcNow().AddDays(-10));
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<ApprovalRequestId> ClaimAsync(CustomerId customer, UserId rep)
    {
        var request = ApprovalRequest.Submit(
            ApprovalRequestId.New(), DemoIds.DemoTenant, DemoIds.TmallShop, ApprovalKind.PoolClaim,
            ApprovalSubject.Create("Customer", customer.Value, "Race"), rep, "Mine, please.", database.Clock.GetUtcNow());
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        db.ApprovalRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task ApproveAsync(Crm.Infrastructure.Persistence.CrmDbContext db, ApprovalRequestId approve, ApprovalRequestId reject)
    {
        var now = database.Clock.GetUtcNow();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Id == approve);
        var other = await db.ApprovalRequests.SingleAsync(r => r.Id == reject);
        var customer = await db.Customers.SingleAsync(c => c.Id == new CustomerId(request.Subject.Id));
        request.Approve(DemoIds.Manager, null, now);
        customer.ApproveClaim(request.RequesterId, DemoIds.Manager, now);
        other.RejectAutomatically("Another claim was approved.", now);
    }

    private static async Task<Exception?> SaveAsync(Crm.Infrastructure.Persistence.CrmDbContext db)
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
