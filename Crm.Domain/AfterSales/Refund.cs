using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.AfterSales;

/// <summary>Money owed back to a customer after an approved refund: due until finance pays it, once.</summary>
public sealed class Refund : AggregateRoot<RefundId>, ITenantOwned
{
    private Refund()
    {
        Amount = null!;
    }

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public AfterSalesRequestId RequestId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public Money Amount { get; private set; }

    public RefundStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public UserId CreatedById { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public UserId? PaidById { get; private set; }

    /// <summary>The refund of an approved request that pays money back.</summary>
    public static Refund RecordFor(RefundId id, AfterSalesRequest request, UserId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refund = new Refund
        {
            Id = id,
            TenantId = request.TenantId,
            ShopId = request.ShopId,
            RequestId = request.Id,
            CustomerId = request.CustomerId,
            Amount = request.Amount,
            Status = RefundStatus.Due,
            CreatedAt = now,
            CreatedById = by,
        };
        request.RecordRefund(id, by, now);
        return refund;
    }

    /// <summary>Finance paid it, and the request's history says so. A refund is paid once.</summary>
    public void MarkPaid(AfterSalesRequest request, UserId by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Status == RefundStatus.Paid)
        {
            throw new DomainRuleViolation("refund.already-paid", "This refund is already paid.");
        }

        if (now < CreatedAt)
        {
            throw new DomainRuleViolation("refund.paid-before-recorded", "A refund is paid after it is recorded.");
        }

        request.RecordRefundPaid(Id, by, now);
        Status = RefundStatus.Paid;
        PaidAt = now;
        PaidById = by;
        Raise(new RefundPaid(Id, TenantId, RequestId, Amount.Amount, by, now));
    }
}
