using Crm.Domain.Common;

namespace Crm.Domain.Leads;

public readonly record struct LeadId
{
    public LeadId(Guid value) => Value = Guard.NotEmpty(value, nameof(LeadId));

    public Guid Value { get; }

    public static LeadId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct LeadStatusChangeId
{
    public LeadStatusChangeId(Guid value) => Value = Guard.NotEmpty(value, nameof(LeadStatusChangeId));

    public Guid Value { get; }

    public static LeadStatusChangeId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
