using Crm.Domain.Approvals;
using Crm.Infrastructure.AfterSales;
using Crm.Infrastructure.Persistence;
using Crm.Web.Features.Approvals;

namespace Crm.Web.Features.AfterSales;

/// <summary>
/// What deciding a Return approval does, in the decision's own SaveChanges (see <see cref="AfterSalesDecisions"/>):
/// approved returns and exchanges get a pickup work order, approved refunds a refund for finance, a rejection carries
/// the approver's comment to the after-sales request. The requester's notification is the approvals feature's.
/// </summary>
public sealed class ReturnApprovalOutcome : IApprovalOutcome
{
    public ApprovalKind Kind => ApprovalKind.Return;

    public Task OnApprovedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        AfterSalesDecisions.ApproveAsync(db, request, now, cancellationToken);

    public Task OnRejectedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        AfterSalesDecisions.RejectAsync(db, request, now, cancellationToken);
}
