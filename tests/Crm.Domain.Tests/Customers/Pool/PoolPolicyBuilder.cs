using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Customers.Pool;

/// <summary>A valid policy with every knob overridable: the tiers default to (30, 5, 2).</summary>
internal static class PoolPolicyBuilder
{
    public static Dictionary<CustomerTier, TierPolicy> Tiers(int recycle = 30, int owner = 5, int manager = 2) =>
        TierNames.AllTiers.ToDictionary(t => t, _ => TierPolicy.Create(recycle, owner, manager));

    public static PoolPolicy Policy(
        Dictionary<CustomerTier, TierPolicy>? tiers = null,
        TierNames? names = null,
        int maxLocked = 10,
        int cooldownDays = 30,
        int maxClaimsPerDay = 5,
        int followUpDays = 3,
        int capacity = 200,
        Dictionary<RegionId, int>? regions = null) =>
        PoolPolicy.Create(tiers ?? Tiers(), names ?? TierNames.Default, maxLocked, cooldownDays, maxClaimsPerDay, followUpDays, capacity, regions);
}
