using Crm.Domain.Common;

namespace Crm.Domain.AfterSales;

public readonly record struct AfterSalesRequestId
{
    public AfterSalesRequestId(Guid value) => Value = Guard.NotEmpty(value, nameof(AfterSalesRequestId));

    public Guid Value { get; }

    public static AfterSalesRequestId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct RefundId
{
    public RefundId(Guid value) => Value = Guard.NotEmpty(value, nameof(RefundId));

    public Guid Value { get; }

    public static RefundId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
