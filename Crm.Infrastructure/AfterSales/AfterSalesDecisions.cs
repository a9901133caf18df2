using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Service;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.AfterSales;

/// <summary>
/// What deciding a Return approval does to its after-sales request, on the decision's context and before its one
/// save: approved returns and exchanges get a pickup work order (which the dispatch board shows live, as any new work
/// order, due by the company's SLA hours), approved refunds a refund record for finance; a rejection carries the approver's comment to the request.
/// </summary>
public static class AfterSalesDecisions
{
    public static async Task ApproveAsync(CrmDbContext db, ApprovalRequest approval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(approval);
        var request = await RequestOfAsync(db, approval, cancellationToken);
        var approver = approval.DecidedById ?? throw new InvalidOperationException("Approve the approval request first.");
        request.Approve(approver, approval.Comment, now);
        if (request.Type.NeedsPickup())
        {
            var pickup = WorkOrder.Open(
                WorkOrderId.New(), request.TenantId, request.ShopId, request.CustomerId, null, request.PickupAddress ?? string.Empty,
                WorkOrderType.ReturnPickup, WorkOrderPriority.Normal, AfterSalesSubmission.PickupDescription(request), now,
                await TenantSettings.SlaAsync(db, cancellationToken), approver, now);
            db.WorkOrders.Add(pickup);
            request.RecordPickup(pickup.Id, approver, now);
        }

        if (request.Type.NeedsRefund())
        {
            db.Refunds.Add(Refund.RecordFor(RefundId.New(), request, approver, now));
        }
    }

    public static async Task RejectAsync(CrmDbContext db, ApprovalRequest approval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(approval);
        var request = await RequestOfAsync(db, approval, cancellationToken);
        var approver = approval.DecidedById ?? throw new InvalidOperationException("Reject the approval request first.");
        request.Reject(approver, approval.Comment, now);
    }

    private static async Task<AfterSalesRequest> RequestOfAsync(CrmDbContext db, ApprovalRequest approval, CancellationToken cancellationToken)
    {
        var id = new AfterSalesRequestId(approval.Subject.Id);
        return await db.AfterSalesRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new DomainRuleViolation("aftersales.not-found", "That after-sales request does not exist.");
    }
}
