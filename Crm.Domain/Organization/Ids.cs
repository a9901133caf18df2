using Crm.Domain.Common;

namespace Crm.Domain.Organization;

public readonly record struct TenantId
{
    public TenantId(Guid value) => Value = Guard.NotEmpty(value, nameof(TenantId));

    public Guid Value { get; }

    public static TenantId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct ShopId
{
    public ShopId(Guid value) => Value = Guard.NotEmpty(value, nameof(ShopId));

    public Guid Value { get; }

    public static ShopId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct TeamId
{
    public TeamId(Guid value) => Value = Guard.NotEmpty(value, nameof(TeamId));

    public Guid Value { get; }

    public static TeamId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct RegionId
{
    public RegionId(Guid value) => Value = Guard.NotEmpty(value, nameof(RegionId));

    public Guid Value { get; }

    public static RegionId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct UserId
{
    public UserId(Guid value) => Value = Guard.NotEmpty(value, nameof(UserId));

    public Guid Value { get; }

    public static UserId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
