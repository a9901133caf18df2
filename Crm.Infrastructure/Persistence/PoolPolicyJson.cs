using System.Text.Json;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;

namespace Crm.Infrastructure.Persistence;

/// <summary>A tenant's pool policy as stored: plain JSON, rebuilt through the domain's validating factories.</summary>
internal static class PoolPolicyJson
{
    public static string Serialize(PoolPolicy policy) => JsonSerializer.Serialize(new Stored(
        TierNames.AllTiers.ToDictionary(t => t, t => new StoredTier(
            policy.For(t).RecycleAfterDays, policy.For(t).OwnerReminderDaysBefore, policy.For(t).ManagerReminderDaysBefore, policy.TierNames.NameOf(t))),
        policy.MaxLockedPerRep,
        policy.ClaimCooldownDays,
        policy.MaxClaimsPerRepPerDay,
        policy.FollowUpAfterClaimDays,
        policy.DefaultCapacity,
        policy.RegionCapacities.ToDictionary(r => r.Key.Value, r => r.Value)));

    public static PoolPolicy Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json)!;
        return PoolPolicy.Create(
            stored.Tiers.ToDictionary(t => t.Key, t => TierPolicy.Create(t.Value.RecycleAfterDays, t.Value.OwnerReminderDaysBefore, t.Value.ManagerReminderDaysBefore)),
            TierNames.Create(stored.Tiers.ToDictionary(t => t.Key, t => t.Value.Name)),
            stored.MaxLockedPerRep,
            stored.ClaimCooldownDays,
            stored.MaxClaimsPerRepPerDay,
            stored.FollowUpAfterClaimDays,
            stored.DefaultCapacity,
            stored.RegionCapacities.ToDictionary(r => new RegionId(r.Key), r => r.Value));
    }

    private sealed record Stored(
        Dictionary<CustomerTier, StoredTier> Tiers,
        int MaxLockedPerRep,
        int ClaimCooldownDays,
        int MaxClaimsPerRepPerDay,
        int FollowUpAfterClaimDays,
        int DefaultCapacity,
        Dictionary<Guid, int> RegionCapacities);

    private sealed record StoredTier(int RecycleAfterDays, int OwnerReminderDaysBefore, int ManagerReminderDaysBefore, string Name);
}
