namespace Crm.Domain.Approvals;

/// <summary>What is asked for. Pool claims first; discounts, quotes and returns follow.</summary>
public enum ApprovalKind
{
    PoolClaim,
    Discount,
    Quote,
    Return,
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
}
