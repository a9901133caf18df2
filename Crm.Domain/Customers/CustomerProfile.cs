using Crm.Domain.Common;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers;

/// <summary>A company that buys, or a person (a shop owner, a private buyer).</summary>
public enum CustomerKind
{
    Company,
    Person,
}

/// <summary>
/// The descriptive part of a customer, set on registration and edited later: what it is, where it
/// sits (region), how valuable (tier), where it came from and through whom it buys.
/// </summary>
public sealed record CustomerProfile(
    CustomerKind Kind,
    string? Industry,
    RegionId? RegionId,
    CustomerTier Tier,
    SourceChannel? Source,
    string? Dealer,
    IReadOnlyList<string> Tags,
    DateOnly? Birthday)
{
    public static CustomerProfile Default { get; } = new(CustomerKind.Company, null, null, CustomerTier.C, null, null, [], null);
}

/// <summary>How a customer changed hands.</summary>
public enum OwnershipChangeKind
{
    /// <summary>Registered with an owner, or into the pool.</summary>
    Registered,

    /// <summary>A manager gave it to a rep.</summary>
    Assigned,

    /// <summary>A rep's claim from the pool was approved.</summary>
    Claimed,

    /// <summary>The owner put it back into the pool, with a reason.</summary>
    Released,

    /// <summary>The recycle job took it back: nobody followed it up in time.</summary>
    Recycled,

    /// <summary>A manager moved it from one rep to another (or to the pool), e.g. when a rep leaves.</summary>
    HandedOver,
}

/// <summary>One change of owner, kept for the customer's ownership history.</summary>
public sealed class CustomerOwnershipChange : Entity<Guid>, ITenantOwned
{
    private CustomerOwnershipChange()
    {
    }

    internal CustomerOwnershipChange(
        TenantId tenantId, CustomerId customerId, DateTimeOffset at, UserId? from, UserId? to, OwnershipChangeKind kind, string? reason, UserId? actor)
    {
        Id = Guid.NewGuid();
        TenantId = tenantId;
        CustomerId = customerId;
        At = at;
        FromOwnerId = from;
        ToOwnerId = to;
        Kind = kind;
        Reason = reason;
        ActorId = actor;
    }

    public TenantId TenantId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>Null: it came from the pool (or was just registered).</summary>
    public UserId? FromOwnerId { get; private set; }

    /// <summary>Null: it went to the pool.</summary>
    public UserId? ToOwnerId { get; private set; }

    public OwnershipChangeKind Kind { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Who did it; null when the system did (the recycle job).</summary>
    public UserId? ActorId { get; private set; }
}
