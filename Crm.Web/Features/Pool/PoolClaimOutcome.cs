using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Infrastructure.Persistence;
using Crm.Web.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Pool;

/// <summary>
/// What approving a pool claim does, in the decision's own SaveChanges: the requester gets the customer
/// (capacity checked again, it may have filled since the claim) and every other pending claim on the same
/// customer is rejected automatically, saying why. Two approvals racing for one customer both change the
/// customer's row; its Version lets only the first commit, the other fails as a conflict.
/// </summary>
public sealed class PoolClaimOutcome : IApprovalOutcome
{
    /// <summary>Stored as the automatic rejection's comment (both languages: the requester may read either).</summary>
    public const string CompetingClaimApproved = "另一位销售的认领已获批准 Another rep's claim on this customer was approved.";

    public ApprovalKind Kind => ApprovalKind.PoolClaim;

    public async Task OnApprovedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var customerId = new CustomerId(request.Subject.Id);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw new DomainRuleViolation("pool.customer-not-found", "That customer does not exist.");
        if (!customer.IsInPool)
        {
            throw new DomainRuleViolation("customer.not-in-pool", "This customer is no longer in the pool.");
        }

        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        var capacity = policy.CapacityFor(customer.RegionId);
        var owned = await PoolCommands.OwnedInRegionAsync(db, request.RequesterId, customer.RegionId, cancellationToken);
        PoolCommands.Explain(PoolRules.CanAssign(owned, capacity), policy, capacity);

        customer.ApproveClaim(request.RequesterId, request.DecidedById ?? throw new InvalidOperationException("Approve the request first."), now);

        var competing = await db.ApprovalRequests
            .Where(r => r.Kind == ApprovalKind.PoolClaim && r.Status == ApprovalStatus.Pending && r.Subject.Id == request.Subject.Id && r.Id != request.Id)
            .ToListAsync(cancellationToken);
        foreach (var other in competing)
        {
            other.RejectAutomatically(CompetingClaimApproved, now);
        }
    }

    public Task OnRejectedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
}
