using Crm.Web.Components;
using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Admin;

public sealed record TierSettingsInput(string Name, int RecycleAfterDays, int OwnerReminderDaysBefore, int ManagerReminderDaysBefore);

/// <summary>
/// What the pool settings form edits; the domain's factories validate it on save. Region capacities left out
/// use the default; a region with shops listed is open only to the reps of those shops.
/// </summary>
public sealed record PoolSettingsInput(
    ImmutableDictionary<CustomerTier, TierSettingsInput> Tiers,
    int MaxLockedPerRep,
    int ClaimCooldownDays,
    int MaxClaimsPerRepPerDay,
    int FollowUpAfterClaimDays,
    int DefaultCapacity,
    ImmutableDictionary<Guid, int> RegionCapacities,
    ImmutableDictionary<Guid, ImmutableHashSet<Guid>> RegionShops)
{
    public static PoolSettingsInput From(PoolPolicy p) => new(
        TierNames.AllTiers.ToImmutableDictionary(
            t => t,
            t => new TierSettingsInput(p.TierNames.NameOf(t), p.For(t).RecycleAfterDays, p.For(t).OwnerReminderDaysBefore, p.For(t).ManagerReminderDaysBefore)),
        p.MaxLockedPerRep,
        p.ClaimCooldownDays,
        p.MaxClaimsPerRepPerDay,
        p.FollowUpAfterClaimDays,
        p.DefaultCapacity,
        p.RegionCapacities.ToImmutableDictionary(r => r.Key.Value, r => r.Value),
        p.RegionAccess.Restricted.ToImmutableDictionary(r => r.Key.Value, r => r.Value.Select(s => s.Value).ToImmutableHashSet()));

    public PoolPolicy ToPolicy() => PoolPolicy.Create(
        Tiers.ToDictionary(t => t.Key, t => TierPolicy.Create(t.Value.RecycleAfterDays, t.Value.OwnerReminderDaysBefore, t.Value.ManagerReminderDaysBefore)),
        TierNames.Create(Tiers.ToDictionary(t => t.Key, t => t.Value.Name)),
        MaxLockedPerRep,
        ClaimCooldownDays,
        MaxClaimsPerRepPerDay,
        FollowUpAfterClaimDays,
        DefaultCapacity,
        RegionCapacities.ToDictionary(r => new RegionId(r.Key), r => r.Value),
        PoolRegionAccess.Create(RegionShops.ToDictionary(r => new RegionId(r.Key), r => (IReadOnlyCollection<ShopId>)[.. r.Value.Select(s => new ShopId(s))])));
}



/// <summary>The form's data: the settings and the tenant's regions and shops to name them.</summary>
public sealed record PoolSettingsForm(PoolSettingsInput Settings, ImmutableList<NamedOption> Regions, ImmutableList<NamedOption> Shops);

public sealed class PoolSettingsCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<PoolSettingsForm> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new NamedOption(r.Id.Value, r.Name)).ToListAsync(cancellationToken);
        var shops = await db.Shops.AsNoTracking().OrderBy(s => s.Code).Select(s => new NamedOption(s.Id.Value, s.Name)).ToListAsync(cancellationToken);
        return new PoolSettingsForm(PoolSettingsInput.From(await TenantSettings.PoolAsync(db, cancellationToken)), [.. regions], [.. shops]);
    }

    public async Task SaveAsync(PoolSettingsInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.RequireScope().IsAdmin)
        {
            throw new DomainRuleViolation("pool-settings.admin-only", "Only an administrator changes the pool rules.");
        }

        var policy = input.ToPolicy();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleAsync(cancellationToken);
        tenant.ConfigurePool(policy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
