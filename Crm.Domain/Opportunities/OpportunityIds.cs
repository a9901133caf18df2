using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

public readonly record struct OpportunityId
{
    public OpportunityId(Guid value) => Value = Guard.NotEmpty(value, nameof(OpportunityId));

    public Guid Value { get; }

    public static OpportunityId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct FollowUpId
{
    public FollowUpId(Guid value) => Value = Guard.NotEmpty(value, nameof(FollowUpId));

    public Guid Value { get; }

    public static FollowUpId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct StageChangeId
{
    public StageChangeId(Guid value) => Value = Guard.NotEmpty(value, nameof(StageChangeId));

    public Guid Value { get; }

    public static StageChangeId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
