using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers.Pool;

/// <summary>
/// How a tenant runs its public pool (公海): a recycling clock per tier, how many customers a rep
/// may lock against recycling, the cool-down before a former owner may claim a recycled customer
/// back, how many claims a rep may make a day, how soon a rep must follow up after an approved
/// claim, how many customers a rep may own (per region, else the default), and which shops' reps may
/// see and claim which region's pool.
/// </summary>
public sealed record PoolPolicy
{
    public const int MaxLockedLimit = 1_000;
    public const int MaxCooldownDays = 365;
    public const int MaxClaimsPerDayLimit = 1_000;
    public const int MaxFollowUpAfterClaimDays = 90;
    public const int MaxCapacity = 100_000;

    private readonly IReadOnlyDictionary<CustomerTier, TierPolicy> tiers;
    private readonly IReadOnlyDictionary<RegionId, int> regionCapacities;

    private PoolPolicy(
        IReadOnlyDictionary<CustomerTier, TierPolicy> tiers,
        TierNames tierNames,
        int maxLockedPerRep,
        int claimCooldownDays,
        int maxClaimsPerRepPerDay,
        int followUpAfterClaimDays,
        int defaultCapacity,
        IReadOnlyDictionary<RegionId, int> regionCapacities,
        PoolRegionAccess regionAccess)
    {
        this.tiers = tiers;
        RegionAccess = regionAccess;
        TierNames = tierNames;
        MaxLockedPerRep = maxLockedPerRep;
        ClaimCooldownDays = claimCooldownDays;
        MaxClaimsPerRepPerDay = maxClaimsPerRepPerDay;
        FollowUpAfterClaimDays = followUpAfterClaimDays;
        DefaultCapacity = defaultCapacity;
        this.regionCapacities = regionCapacities;
    }

    public static PoolPolicy Default { get; } = new(
        new Dictionary<CustomerTier, TierPolicy>
        {
            [CustomerTier.A] = TierPolicy.Create(90, 7, 3),
            [CustomerTier.B] = TierPolicy.Create(60, 7, 3),
            [CustomerTier.C] = TierPolicy.Create(30, 5, 2),
            [CustomerTier.D] = TierPolicy.Create(15, 3, 1),
            [CustomerTier.E] = TierPolicy.Create(7, 2, 1),
        },
        TierNames.Default,
        maxLockedPerRep: 10,
        claimCooldownDays: 30,
        maxClaimsPerRepPerDay: 5,
        followUpAfterClaimDays: 3,
        defaultCapacity: 200,
        new Dictionary<RegionId, int>(),
        PoolRegionAccess.Open);

    public TierNames TierNames { get; }

    /// <summary>How many of their customers a rep may lock so they are never recycled.</summary>
    public int MaxLockedPerRep { get; }

    /// <summary>Days after a recycle during which the former owner may not claim the customer back (0: none).</summary>
    public int ClaimCooldownDays { get; }

    public int MaxClaimsPerRepPerDay { get; }

    /// <summary>Days after an approved claim within which the rep must follow up.</summary>
    public int FollowUpAfterClaimDays { get; }

    /// <summary>Private-pool capacity (max owned customers per rep) where the region sets none.</summary>
    public int DefaultCapacity { get; }

    public IReadOnlyDictionary<RegionId, int> RegionCapacities => regionCapacities;

    /// <summary>Which shops' reps may see and claim the pool customers of which region.</summary>
    public PoolRegionAccess RegionAccess { get; }

    public TierPolicy For(CustomerTier tier) => tiers[PoolGuard.Tier(tier)];

    /// <summary>Max owned customers per rep in the region (the default when the region sets none or is unknown).</summary>
    public int CapacityFor(RegionId? region) =>
        region is { } r && regionCapacities.TryGetValue(r, out var capacity) ? capacity : DefaultCapacity;

    /// <summary>The same rules with other region capacities (validated as <see cref="Create"/> does), the default capacity kept.</summary>
    public PoolPolicy WithRegionCapacities(IReadOnlyDictionary<RegionId, int> capacities) =>
        Create(tiers, TierNames, MaxLockedPerRep, ClaimCooldownDays, MaxClaimsPerRepPerDay, FollowUpAfterClaimDays, DefaultCapacity, capacities, RegionAccess);

    public static PoolPolicy Create(
        IReadOnlyDictionary<CustomerTier, TierPolicy> tiers,
        TierNames tierNames,
        int maxLockedPerRep,
        int claimCooldownDays,
        int maxClaimsPerRepPerDay,
        int followUpAfterClaimDays,
        int defaultCapacity,
        IReadOnlyDictionary<RegionId, int>? regionCapacities = null,
        PoolRegionAccess? regionAccess = null)
    {
        ArgumentNullException.ThrowIfNull(tiers);
        ArgumentNullException.ThrowIfNull(tierNames);
        foreach (var tier in tiers.Keys)
        {
            PoolGuard.Tier(tier);
        }

        var tierCopy = new Dictionary<CustomerTier, TierPolicy>();
        foreach (var tier in TierNames.AllTiers)
        {
            tierCopy[tier] = tiers.TryGetValue(tier, out var policy) && policy is not null
                ? policy
                : throw new DomainRuleViolation("pool-policy.tier-missing", $"Tier {tier} needs a recycling policy.", tier);
        }

        InRange(maxLockedPerRep, 0, MaxLockedLimit, "pool-policy.lock-limit-out-of-range", "The lock limit");
        InRange(claimCooldownDays, 0, MaxCooldownDays, "pool-policy.cooldown-out-of-range", "The claim cool-down");
        InRange(maxClaimsPerRepPerDay, 1, MaxClaimsPerDayLimit, "pool-policy.daily-claims-out-of-range", "The daily claim limit");
        InRange(followUpAfterClaimDays, 1, MaxFollowUpAfterClaimDays, "pool-policy.follow-up-days-out-of-range", "The follow-up period after a claim");
        InRange(defaultCapacity, 1, MaxCapacity, "pool-policy.capacity-out-of-range", "The private-pool capacity");

        var capacityCopy = new Dictionary<RegionId, int>();
        foreach (var (region, capacity) in regionCapacities ?? new Dictionary<RegionId, int>())
        {
            capacityCopy[region] = InRange(capacity, 1, MaxCapacity, "pool-policy.capacity-out-of-range", "The private-pool capacity");
        }

        return new PoolPolicy(
            tierCopy, tierNames, maxLockedPerRep, claimCooldownDays, maxClaimsPerRepPerDay, followUpAfterClaimDays, defaultCapacity, capacityCopy,
            regionAccess ?? PoolRegionAccess.Open);
    }

    public bool Equals(PoolPolicy? other) =>
        other is not null
        && TierNames.Equals(other.TierNames)
        && MaxLockedPerRep == other.MaxLockedPerRep
        && ClaimCooldownDays == other.ClaimCooldownDays
        && MaxClaimsPerRepPerDay == other.MaxClaimsPerRepPerDay
        && FollowUpAfterClaimDays == other.FollowUpAfterClaimDays
        && DefaultCapacity == other.DefaultCapacity
        && TierNames.AllTiers.All(t => tiers[t] == other.tiers[t])
        && RegionAccess.Equals(other.RegionAccess)
        && regionCapacities.Count == other.regionCapacities.Count
        && regionCapacities.All(kv => other.regionCapacities.TryGetValue(kv.Key, out var c) && c == kv.Value);

    public override int GetHashCode() =>
        HashCode.Combine(TierNames, MaxLockedPerRep, ClaimCooldownDays, MaxClaimsPerRepPerDay, FollowUpAfterClaimDays, DefaultCapacity, regionCapacities.Count);

    private static int InRange(int value, int min, int max, string code, string what) =>
        value < min || value > max
            ? throw new DomainRuleViolation(code, $"{what} must be {min} to {max}.", min, max)
            : value;
}
