using Crm.Domain.Common;

namespace Crm.Domain.Service;

public readonly record struct WorkOrderId
{
    public WorkOrderId(Guid value) => Value = Guard.NotEmpty(value, nameof(WorkOrderId));

    public Guid Value { get; }

    public static WorkOrderId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct WorkOrderStatusChangeId
{
    public WorkOrderStatusChangeId(Guid value) => Value = Guard.NotEmpty(value, nameof(WorkOrderStatusChangeId));

    public Guid Value { get; }

    public static WorkOrderStatusChangeId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
