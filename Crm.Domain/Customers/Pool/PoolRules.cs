using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers.Pool;

/// <summary>
/// The rules of the public pool as pure functions of the policy, plain facts and the time passed in.
/// Boundaries: a deadline reached exactly counts as reached (due, overdue, cool-down over).
/// </summary>
public static class PoolRules
{
    /// <summary>The clock starts at the later of the last follow-up and when the owner got the customer.</summary>
    public static RecycleDecision RecycleDue(PoolPolicy policy, RecycleFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        var tier = policy.For(facts.Tier);
        if (facts.IsLocked)
        {
            return new RecycleDecision(null, false);
        }

        var dueAt = ClockStart(facts).AddDays(tier.RecycleAfterDays);
        return new RecycleDecision(dueAt, now >= dueAt);
    }

    /// <summary>
    /// The reminders due now and not yet sent in this cycle. Nothing once the customer is due back in
    /// the pool (it is recycled instead) or when it is locked. Asking again after recording them returns none.
    /// </summary>
    public static PoolReminders RemindersDue(PoolPolicy policy, ReminderFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        var recycle = RecycleDue(policy, facts.Customer, now);
        if (recycle.DueAt is not { } dueAt || recycle.IsDue)
        {
            return PoolReminders.None;
        }

        var tier = policy.For(facts.Customer.Tier);
        var due = PoolReminders.None;
        if (Due(dueAt.AddDays(-tier.OwnerReminderDaysBefore), facts.OwnerRemindedAt, now))
        {
            due |= PoolReminders.Owner;
        }

        if (Due(dueAt.AddDays(-tier.ManagerReminderDaysBefore), facts.ManagerRemindedAt, now))
        {
            due |= PoolReminders.Manager;
        }

        return due;
    }

    /// <summary>Checks, in order: the former owner's cool-down, the daily claim cap, the rep's capacity.</summary>
    public static PoolDecision CanClaim(PoolPolicy policy, ClaimFacts facts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.FormerOwner == facts.Claimant)
        {
            var cooldownEnds = facts.RecycledAt.AddDays(policy.ClaimCooldownDays);
            if (now < cooldownEnds)
            {
                return PoolDecision.Refuse(
                    "pool.claim-cooldown", $"The former owner may claim this customer back from {cooldownEnds:u}.", cooldownEnds);
            }
        }

        if (facts.ClaimsToday >= policy.MaxClaimsPerRepPerDay)
        {
            var tomorrow = new DateTimeOffset(now.Date.AddDays(1), now.Offset);
            return PoolDecision.Refuse(
                "pool.claim-daily-cap", $"At most {policy.MaxClaimsPerRepPerDay} claims a day; claim again from {tomorrow:u}.", tomorrow);
        }

        return CanAssign(facts.OwnedCount, facts.Capacity);
    }

    public static PoolDecision CanLock(PoolPolicy policy, int lockedCount)
    {
        ArgumentNullException.ThrowIfNull(policy);
        NotNegative(lockedCount);
        return lockedCount >= policy.MaxLockedPerRep
            ? PoolDecision.Refuse("pool.lock-limit-reached", $"A rep may lock at most {policy.MaxLockedPerRep} customers.")
            : PoolDecision.Allowed;
    }

    /// <summary>Whether a rep owning <paramref name="ownedCount"/> customers may get one more.</summary>
    public static PoolDecision CanAssign(int ownedCount, int capacity)
    {
        NotNegative(ownedCount);
        return ownedCount >= capacity
            ? PoolDecision.Refuse("pool.capacity-reached", $"A rep here may own at most {capacity} customers.")
            : PoolDecision.Allowed;
    }

    public static ClaimFollowUpDecision FollowUpAfterClaimDue(PoolPolicy policy, DateTimeOffset approvedAt, bool followedUp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var dueAt = approvedAt.AddDays(policy.FollowUpAfterClaimDays);
        return new ClaimFollowUpDecision(dueAt, !followedUp && now >= dueAt);
    }

    /// <summary>
    /// Deals the customers out to the reps in a random order that depends only on the seed; every
    /// customer goes to exactly one rep and the reps' counts differ by at most one.
    /// </summary>
    public static IReadOnlyDictionary<CustomerId, UserId> SpreadEvenly(
        IReadOnlyCollection<CustomerId> customers, IReadOnlyCollection<UserId> reps, int seed)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(reps);
        if (reps.Count == 0)
        {
            throw new DomainRuleViolation("pool.spread-no-reps", "Customers can only be spread over at least one rep.");
        }

        if (customers.Distinct().Count() != customers.Count || reps.Distinct().Count() != reps.Count)
        {
            throw new DomainRuleViolation("pool.spread-duplicate", "Each customer and each rep may be listed only once.");
        }

        var random = new SplitMix64(seed);
        var shuffledCustomers = Shuffle(customers, random);
        var shuffledReps = Shuffle(reps, random);
        var result = new Dictionary<CustomerId, UserId>(customers.Count);
        for (var i = 0; i < shuffledCustomers.Count; i++)
        {
            result[shuffledCustomers[i]] = shuffledReps[i % shuffledReps.Count];
        }

        return result;
    }

    private static DateTimeOffset ClockStart(RecycleFacts facts) =>
        facts.LastFollowUpAt is { } followUp && followUp > facts.OwnedSince ? followUp : facts.OwnedSince;

    private static bool Due(DateTimeOffset remindAt, DateTimeOffset? sentAt, DateTimeOffset now) =>
        now >= remindAt && !(sentAt >= remindAt);

    private static void NotNegative(int count)
    {
        if (count < 0)
        {
            throw new DomainRuleViolation("pool.count-negative", "A count cannot be negative.", count);
        }
    }

    private static List<T> Shuffle<T>(IEnumerable<T> items, SplitMix64 random)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary>A tiny fixed PRNG, so a seed gives the same spread on every runtime (System.Random promises no such thing).</summary>
    private sealed class SplitMix64(int seed)
    {
        private ulong state = unchecked((ulong)seed);

        public int Next(int exclusiveMax)
        {
            unchecked
            {
                var z = state += 0x9E3779B97F4A7C15UL;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                z ^= z >> 31;
                return (int)(z % (ulong)exclusiveMax);
            }
        }
    }
}
