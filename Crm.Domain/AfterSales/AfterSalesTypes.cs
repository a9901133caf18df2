namespace Crm.Domain.AfterSales;

/// <summary>What the customer asks for.</summary>
public enum AfterSalesType
{
    ReturnAndRefund,
    RefundOnly,
    Exchange,
    Reissue,
}

/// <summary>Why the customer asks; <see cref="Other"/> needs a note.</summary>
public enum AfterSalesReason
{
    Damaged,
    WrongItem,
    Surplus,
    Quality,
    Other,
}

/// <summary>Where the request stands: waiting for a manager's decision, then approved or rejected (final).</summary>
public enum AfterSalesStatus
{
    PendingApproval,
    Approved,
    Rejected,
}

/// <summary>One line of a request's history.</summary>
public enum AfterSalesStepKind
{
    Submitted,
    Approved,
    Rejected,
    PickupScheduled,
    RefundRecorded,
    RefundPaid,
}

public enum RefundStatus
{
    Due,
    Paid,
}

public static class AfterSalesTypes
{
    /// <summary>The goods come back: an approved request sends a technician to pick them up.</summary>
    public static bool NeedsPickup(this AfterSalesType type) => type is AfterSalesType.ReturnAndRefund or AfterSalesType.Exchange;

    /// <summary>Money goes back: an approved request records a refund for finance to pay.</summary>
    public static bool NeedsRefund(this AfterSalesType type) => type is AfterSalesType.ReturnAndRefund or AfterSalesType.RefundOnly;
}

public static class AfterSalesLimits
{
    public const int OrderReferenceMaxLength = 64;
    public const int ItemNameMaxLength = 200;
    public const int MaxItems = 20;
    public const int MaxQuantity = 100_000;
    public const int NoteMaxLength = 1000;
    public const int CommentMaxLength = 1000;

    /// <summary>Longest enum name stored as text.</summary>
    public const int EnumMaxLength = 24;
}
