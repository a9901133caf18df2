using Crm.Domain.Common;

namespace Crm.Domain.Approvals;

public readonly record struct ApprovalRequestId
{
    public ApprovalRequestId(Guid value) => Value = Guard.NotEmpty(value, nameof(ApprovalRequestId));

    public Guid Value { get; }

    public static ApprovalRequestId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
