using Crm.Domain.Organization;

namespace Crm.Domain.Customers.Pool;

/// <summary>What the recycling clock needs to know about one owned customer.</summary>
public sealed record RecycleFacts(CustomerTier Tier, DateTimeOffset OwnedSince, DateTimeOffset? LastFollowUpAt, bool IsLocked);

/// <summary>
/// The recycling facts plus when each reminder was last sent (null: never). A reminder sent
/// before the current reminder time belongs to an earlier cycle and does not count.
/// </summary>
public sealed record ReminderFacts(RecycleFacts Customer, DateTimeOffset? OwnerRemindedAt, DateTimeOffset? ManagerRemindedAt);

/// <summary>A rep's claim of a customer from the pool. <paramref name="Capacity"/> is the rep's region capacity (<see cref="PoolPolicy.CapacityFor"/>).</summary>
public sealed record ClaimFacts(
    UserId Claimant, UserId? FormerOwner, DateTimeOffset RecycledAt, int ClaimsToday, int OwnedCount, int Capacity);

/// <summary>When a customer is due back in the pool (null: locked, never) and whether it is due now.</summary>
public sealed record RecycleDecision(DateTimeOffset? DueAt, bool IsDue);

/// <summary>When the rep must follow up after an approved claim and whether that time has passed without it.</summary>
public sealed record ClaimFollowUpDecision(DateTimeOffset DueAt, bool IsOverdue);

[Flags]
public enum PoolReminders
{
    None = 0,
    Owner = 1,
    Manager = 2,
}

/// <summary>Why a pool rule refused: a stable code, and until when the refusal holds where that is known.</summary>
public sealed record PoolRefusal(string Code, string Message, DateTimeOffset? Until);

/// <summary>A rule's answer: allowed, or a refusal.</summary>
public sealed record PoolDecision
{
    private PoolDecision(PoolRefusal? refusal) => Refusal = refusal;

    public static PoolDecision Allowed { get; } = new((PoolRefusal?)null);

    public PoolRefusal? Refusal { get; }

    public bool IsAllowed => Refusal is null;

    public static PoolDecision Refuse(string code, string message, DateTimeOffset? until = null) => new(new PoolRefusal(code, message, until));

    /// <summary>For callers that must not go on: throws the refusal as a <see cref="Common.DomainRuleViolation"/>.</summary>
    public void ThrowIfRefused()
    {
        if (Refusal is { } r)
        {
            throw r.Until is { } until
                ? new Common.DomainRuleViolation(r.Code, r.Message, until)
                : new Common.DomainRuleViolation(r.Code, r.Message);
        }
    }
}
