using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Approvals;

public sealed record ApprovalRequested(
    ApprovalRequestId ApprovalRequestId,
    TenantId TenantId,
    ShopId ShopId,
    ApprovalKind Kind,
    ApprovalSubject Subject,
    UserId RequesterId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record ApprovalApproved(
    ApprovalRequestId ApprovalRequestId,
    TenantId TenantId,
    ApprovalKind Kind,
    ApprovalSubject Subject,
    UserId RequesterId,
    UserId ApproverId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>Rejected by someone (<see cref="RejectedById"/> set) or automatically (null, e.g. a competing claim won).</summary>
public sealed record ApprovalRejected(
    ApprovalRequestId ApprovalRequestId,
    TenantId TenantId,
    ApprovalKind Kind,
    ApprovalSubject Subject,
    UserId RequesterId,
    UserId? RejectedById,
    string? Comment,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt)
{
    public bool IsAutomatic => RejectedById is null;
}
