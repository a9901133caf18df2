using Crm.Domain.Approvals;
using Crm.Infrastructure.Persistence;

namespace Crm.Web.Features.Approvals;

/// <summary>
/// What deciding a request of one <see cref="Kind"/> does to its subject: a pool claim gives the
/// customer to the requester, a return creates a pickup work order, and so on. The decision command
/// calls it after the request's own Approve/Reject, on the same context and before the one
/// SaveChanges of the decision, so the decision and its outcome commit together or not at all.
/// Register implementations as <c>IApprovalOutcome</c> in DI; at most one per kind.
/// </summary>
public interface IApprovalOutcome
{
    ApprovalKind Kind { get; }

    /// <summary>
    /// Applies the approval. Throw a <see cref="Domain.Common.DomainRuleViolation"/> to refuse it (the
    /// customer was taken meanwhile, capacity is full): then nothing is saved and the approver is told why.
    /// </summary>
    Task OnApprovedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Applies a rejection (most kinds need nothing; the request itself records it).</summary>
    Task OnRejectedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken);
}
