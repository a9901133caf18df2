using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Domain.Service;

namespace Crm.Domain.AfterSales;

/// <summary>
/// A customer's return, refund, exchange or reissue. It is submitted for a manager's approval (an
/// <see cref="ApprovalRequest"/> of kind Return), decided once, and an approved one then records what
/// followed: the pickup work order (returns and exchanges) and the refund for finance (refund types).
/// Every step is kept in <see cref="History"/>.
/// </summary>
public sealed class AfterSalesRequest : AggregateRoot<AfterSalesRequestId>, ITenantOwned
{
    private readonly List<AfterSalesItem> _items = [];
    private readonly List<AfterSalesStep> _history = [];

    private AfterSalesRequest()
    {
        OrderReference = string.Empty;
        Amount = null!;
    }

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public AfterSalesType Type { get; private set; }

    public CustomerId CustomerId { get; private set; }

    /// <summary>Free text until orders exist (e.g. the marketplace's order number).</summary>
    public string OrderReference { get; private set; }

    public Money Amount { get; private set; }

    public AfterSalesReason Reason { get; private set; }

    /// <summary>The requester's words; required for <see cref="AfterSalesReason.Other"/>.</summary>
    public string? Note { get; private set; }

    /// <summary>Where the technician picks the goods up; only for types that need a pickup.</summary>
    public string? PickupAddress { get; private set; }

    public AfterSalesStatus Status { get; private set; }

    public UserId RequesterId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The approval request that decides this one.</summary>
    public ApprovalRequestId ApprovalRequestId { get; private set; }

    public UserId? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionComment { get; private set; }

    public WorkOrderId? PickupWorkOrderId { get; private set; }

    public RefundId? RefundId { get; private set; }

    public IReadOnlyCollection<AfterSalesItem> Items => _items.AsReadOnly();

    /// <summary>The items as one line: "川字托盘 × 12, 托盘防滑垫 × 40".</summary>
    public string ItemsText => string.Join(", ", _items.Select(i => $"{i.Name} × {i.Quantity}"));

    public IReadOnlyCollection<AfterSalesStep> History => _history.AsReadOnly();

    public bool IsDecided => Status != AfterSalesStatus.PendingApproval;

    public static AfterSalesRequest Submit(
        AfterSalesRequestId id,
        TenantId tenantId,
        ShopId shopId,
        AfterSalesType type,
        CustomerId customerId,
        string? orderReference,
        IReadOnlyCollection<AfterSalesItem>? items,
        Money amount,
        AfterSalesReason reason,
        string? note,
        string? pickupAddress,
        ApprovalRequestId approvalRequestId,
        UserId requester,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(amount);
        var validType = EnumGuard.Defined(type, "aftersales.type-invalid", "after-sales type");
        var validReason = EnumGuard.Defined(reason, "aftersales.reason-invalid", "after-sales reason");
        var reference = Guard.Text(orderReference, AfterSalesLimits.OrderReferenceMaxLength, "aftersales.order-reference", "An order reference");
        if (items is null || items.Count == 0)
        {
            throw new DomainRuleViolation("aftersales.items-required", "Name at least one item.");
        }

        if (items.Count > AfterSalesLimits.MaxItems)
        {
            throw new DomainRuleViolation("aftersales.too-many-items", $"A request has at most {AfterSalesLimits.MaxItems} items.", AfterSalesLimits.MaxItems);
        }

        if (amount.Amount < 0)
        {
            throw new DomainRuleViolation("aftersales.amount-negative", "The amount cannot be negative.");
        }

        if (validType.NeedsRefund() && amount.Amount == 0)
        {
            throw new DomainRuleViolation("aftersales.refund-amount-required", "A refund needs an amount above zero.", validType);
        }

        var validNote = string.IsNullOrWhiteSpace(note) ? null : Guard.Text(note, AfterSalesLimits.NoteMaxLength, "aftersales.note", "A note");
        if (validReason == AfterSalesReason.Other && validNote is null)
        {
            throw new DomainRuleViolation("aftersales.note-required-for-other", "Say what the reason is when it is “other”.");
        }

        var address = validType.NeedsPickup()
            ? Guard.Text(pickupAddress, WorkOrderLimits.AddressMaxLength, "aftersales.pickup-address", "A pickup address")
            : null;

        var request = new AfterSalesRequest
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            Type = validType,
            CustomerId = customerId,
            OrderReference = reference,
            Amount = amount,
            Reason = validReason,
            Note = validNote,
            PickupAddress = address,
            Status = AfterSalesStatus.PendingApproval,
            RequesterId = requester,
            CreatedAt = now,
            ApprovalRequestId = approvalRequestId,
        };
        request._items.AddRange(items);
        request._history.Add(new AfterSalesStep(AfterSalesStepKind.Submitted, requester, now, validNote, null));
        request.Raise(new AfterSalesRequestSubmitted(id, tenantId, validType, validReason, amount.Amount, requester, now));
        return request;
    }

    /// <summary>The manager said yes (through the approval request).</summary>
    public void Approve(UserId approver, string? comment, DateTimeOffset now)
    {
        EnsurePending();
        var validComment = string.IsNullOrWhiteSpace(comment) ? null : Guard.Text(comment, AfterSalesLimits.CommentMaxLength, "aftersales.comment", "A comment");
        Decide(AfterSalesStatus.Approved, approver, validComment, now);
        _history.Add(new AfterSalesStep(AfterSalesStepKind.Approved, approver, now, validComment, null));
        Raise(new AfterSalesRequestApproved(Id, TenantId, approver, now));
    }

    /// <summary>The manager said no; the requester is told why, so a comment is required.</summary>
    public void Reject(UserId approver, string? comment, DateTimeOffset now)
    {
        EnsurePending();
        var validComment = Guard.Text(comment, AfterSalesLimits.CommentMaxLength, "aftersales.comment", "A comment");
        Decide(AfterSalesStatus.Rejected, approver, validComment, now);
        _history.Add(new AfterSalesStep(AfterSalesStepKind.Rejected, approver, now, validComment, null));
        Raise(new AfterSalesRequestRejected(Id, TenantId, approver, validComment, now));
    }

    /// <summary>An approved return or exchange got its pickup work order.</summary>
    public void RecordPickup(WorkOrderId workOrderId, UserId by, DateTimeOffset now)
    {
        EnsureApproved();
        if (!Type.NeedsPickup())
        {
            throw new DomainRuleViolation("aftersales.no-pickup-for-type", "Nothing is picked up for this type of request.", Type);
        }

        if (PickupWorkOrderId is not null)
        {
            throw new DomainRuleViolation("aftersales.pickup-already-scheduled", "The pickup is already scheduled.");
        }

        PickupWorkOrderId = workOrderId;
        _history.Add(new AfterSalesStep(AfterSalesStepKind.PickupScheduled, by, now, null, workOrderId.Value));
    }

    /// <summary>An approved refund got its refund record.</summary>
    public void RecordRefund(RefundId refundId, UserId by, DateTimeOffset now)
    {
        EnsureApproved();
        if (!Type.NeedsRefund())
        {
            throw new DomainRuleViolation("aftersales.no-refund-for-type", "Nothing is refunded for this type of request.", Type);
        }

        if (RefundId is not null)
        {
            throw new DomainRuleViolation("aftersales.refund-already-recorded", "The refund is already recorded.");
        }

        RefundId = refundId;
        _history.Add(new AfterSalesStep(AfterSalesStepKind.RefundRecorded, by, now, null, refundId.Value));
    }

    /// <summary>Finance paid the refund of this request.</summary>
    public void RecordRefundPaid(RefundId refundId, UserId by, DateTimeOffset now)
    {
        if (RefundId != refundId)
        {
            throw new DomainRuleViolation("aftersales.refund-unknown", "That refund does not belong to this request.");
        }

        _history.Add(new AfterSalesStep(AfterSalesStepKind.RefundPaid, by, now, null, refundId.Value));
    }

    private void Decide(AfterSalesStatus status, UserId by, string? comment, DateTimeOffset now)
    {
        Status = status;
        DecidedById = by;
        DecidedAt = now;
        DecisionComment = comment;
    }

    private void EnsurePending()
    {
        if (IsDecided)
        {
            throw new DomainRuleViolation("aftersales.already-decided", "The request was already decided; a decision is final.", Status);
        }
    }

    private void EnsureApproved()
    {
        if (Status != AfterSalesStatus.Approved)
        {
            throw new DomainRuleViolation("aftersales.not-approved", "Only an approved request is carried out.", Status);
        }
    }
}
