using Crm.Domain.Common;

namespace Crm.Domain.Customers.Pool;

/// <summary>
/// The recycling clock of one tier: an owned customer without a follow-up for
/// <see cref="RecycleAfterDays"/> days goes back to the public pool. The owner is reminded
/// <see cref="OwnerReminderDaysBefore"/> days before that, the owner's manager
/// <see cref="ManagerReminderDaysBefore"/> days before (later, so 1 ≤ M &lt; N &lt; recycle days).
/// </summary>
public sealed record TierPolicy
{
    public const int MaxRecycleDays = 365;

    private TierPolicy(int recycleAfterDays, int ownerReminderDaysBefore, int managerReminderDaysBefore)
    {
        RecycleAfterDays = recycleAfterDays;
        OwnerReminderDaysBefore = ownerReminderDaysBefore;
        ManagerReminderDaysBefore = managerReminderDaysBefore;
    }

    public int RecycleAfterDays { get; }

    public int OwnerReminderDaysBefore { get; }

    public int ManagerReminderDaysBefore { get; }

    public static TierPolicy Create(int recycleAfterDays, int ownerReminderDaysBefore, int managerReminderDaysBefore)
    {
        if (recycleAfterDays is < 1 or > MaxRecycleDays)
        {
            throw new DomainRuleViolation(
                "pool-policy.recycle-days-out-of-range", $"A customer goes back to the pool after 1 to {MaxRecycleDays} days.", MaxRecycleDays);
        }

        if (managerReminderDaysBefore < 1
            || ownerReminderDaysBefore <= managerReminderDaysBefore
            || ownerReminderDaysBefore >= recycleAfterDays)
        {
            throw new DomainRuleViolation(
                "pool-policy.reminders-invalid",
                "The reminders must satisfy 1 ≤ manager days < owner days < recycle days.",
                managerReminderDaysBefore,
                ownerReminderDaysBefore,
                recycleAfterDays);
        }

        return new TierPolicy(recycleAfterDays, ownerReminderDaysBefore, managerReminderDaysBefore);
    }
}
