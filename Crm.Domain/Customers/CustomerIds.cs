using Crm.Domain.Common;

namespace Crm.Domain.Customers;

public readonly record struct CustomerId
{
    public CustomerId(Guid value) => Value = Guard.NotEmpty(value, nameof(CustomerId));

    public Guid Value { get; }

    public static CustomerId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

public readonly record struct ContactId
{
    public ContactId(Guid value) => Value = Guard.NotEmpty(value, nameof(ContactId));

    public Guid Value { get; }

    public static ContactId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}
