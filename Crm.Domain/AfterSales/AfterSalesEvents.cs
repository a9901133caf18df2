using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.AfterSales;

public sealed record AfterSalesRequestSubmitted(
    AfterSalesRequestId RequestId, TenantId TenantId, AfterSalesType Type, AfterSalesReason Reason, decimal Amount, UserId RequesterId, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt);

public sealed record AfterSalesRequestApproved(AfterSalesRequestId RequestId, TenantId TenantId, UserId ApproverId, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt);

public sealed record AfterSalesRequestRejected(AfterSalesRequestId RequestId, TenantId TenantId, UserId ApproverId, string Comment, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt);

public sealed record RefundPaid(RefundId RefundId, TenantId TenantId, AfterSalesRequestId RequestId, decimal Amount, UserId PaidById, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt);
