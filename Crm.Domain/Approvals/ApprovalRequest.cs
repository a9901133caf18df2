using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Approvals;

/// <summary>
/// A request for a manager's yes or no: claiming a customer from the public pool now; discounts,
/// quotes and returns later. It is decided once (approved, rejected, or rejected automatically)
/// and the decision is final. Nobody approves their own request.
/// </summary>
public sealed class ApprovalRequest : AggregateRoot<ApprovalRequestId>, ITenantOwned
{
    private ApprovalRequest()
    {
        Subject = null!;
        Reason = string.Empty;
    }

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public ApprovalKind Kind { get; private set; }

    public ApprovalSubject Subject { get; private set; }

    public UserId RequesterId { get; private set; }

    public string Reason { get; private set; }

    public ApprovalStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Who decided; null while pending and when the system rejected it automatically.</summary>
    public UserId? DecidedById { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The approver's words, or the reason of an automatic rejection.</summary>
    public string? Comment { get; private set; }

    public bool IsDecided => Status != ApprovalStatus.Pending;

    public static ApprovalRequest Submit(
        ApprovalRequestId id, TenantId tenantId, ShopId shopId, ApprovalKind kind, ApprovalSubject subject, UserId requester,
        string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var request = new ApprovalRequest
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            Kind = EnumGuard.Defined(kind, "approval.kind-invalid", "approval kind"),
            Subject = subject,
            RequesterId = requester,
            Reason = Guard.Text(reason, ApprovalLimits.ReasonMaxLength, "approval.reason", "A reason"),
            Status = ApprovalStatus.Pending,
            CreatedAt = now,
        };
        request.Raise(new ApprovalRequested(id, tenantId, shopId, request.Kind, subject, requester, now));
        return request;
    }

    public void Approve(UserId approver, string? comment, DateTimeOffset now)
    {
        EnsurePending();
        if (approver == RequesterId)
        {
            throw new DomainRuleViolation("approval.self-approval", "Nobody can approve their own request.");
        }

        Decide(ApprovalStatus.Approved, approver, OptionalComment(comment), now);
        Raise(new ApprovalApproved(Id, TenantId, Kind, Subject, RequesterId, approver, now));
    }

    /// <summary>Says no; the requester is told why, so a comment is required.</summary>
    public void Reject(UserId approver, string comment, DateTimeOffset now)
    {
        EnsurePending();
        var validComment = Guard.Text(comment, ApprovalLimits.CommentMaxLength, "approval.comment", "A comment");
        Decide(ApprovalStatus.Rejected, approver, validComment, now);
        Raise(new ApprovalRejected(Id, TenantId, Kind, Subject, RequesterId, approver, validComment, now));
    }

    /// <summary>The system says no, e.g. a competing claim on the same customer was approved.</summary>
    public void RejectAutomatically(string reason, DateTimeOffset now)
    {
        EnsurePending();
        var validReason = Guard.Text(reason, ApprovalLimits.CommentMaxLength, "approval.comment", "A reason");
        Decide(ApprovalStatus.Rejected, null, validReason, now);
        Raise(new ApprovalRejected(Id, TenantId, Kind, Subject, RequesterId, null, validReason, now));
    }

    private void Decide(ApprovalStatus status, UserId? by, string? comment, DateTimeOffset now)
    {
        Status = status;
        DecidedById = by;
        DecidedAt = now;
        Comment = comment;
    }

    private void EnsurePending()
    {
        if (IsDecided)
        {
            throw new DomainRuleViolation(
                "approval.already-decided", $"The request was already {Status.ToString().ToLowerInvariant()}; a decision is final.", Status);
        }
    }

    private static string? OptionalComment(string? comment) =>
        string.IsNullOrWhiteSpace(comment)
            ? null
            : Guard.Text(comment, ApprovalLimits.CommentMaxLength, "approval.comment", "A comment");
}
