using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Pool;

/// <summary>A customer in the public pool as the pool page lists it.</summary>
public sealed record PoolRow(
    Guid Id,
    long Version,
    string Name,
    CustomerTier Tier,
    Guid? RegionId,
    string ShopName,
    string? Reason,
    DateTimeOffset? PooledAt,
    string? FormerOwnerName,
    int PendingClaims,
    bool ClaimedByMe);

/// <summary>One of the signed-in user's own customers, with when the recycle job would take it back.</summary>
public sealed record OwnedRow(
    Guid Id,
    long Version,
    string Name,
    CustomerTier Tier,
    Guid? RegionId,
    DateTimeOffset? LastFollowUpAt,
    DateTimeOffset? RecycleDueAt,
    bool IsLocked,
    DateTimeOffset? ClaimFollowUpDueAt);

public sealed record PoolRegion(Guid Id, string Name);

public sealed record RepOption(Guid Id, string Name);

/// <summary>Where the signed-in user stands against the pool's limits.</summary>
public sealed record PoolLimits(int ClaimsToday, int MaxClaimsPerDay, int Locked, int MaxLocked);

public sealed record PoolView(
    ImmutableList<PoolRow> Pool,
    ImmutableList<OwnedRow> Mine,
    ImmutableList<PoolRegion> Regions,
    ImmutableList<RepOption> Reps,
    ImmutableDictionary<CustomerTier, string> TierNames,
    PoolLimits Limits,
    bool CanAssign,
    bool CanClaim);

/// <summary>
/// The public pool's use cases: load what the user may see, claim (an approval request), release, lock,
/// unlock and assign. Each refusal is a <see cref="DomainRuleViolation"/> whose code says which rule.
/// </summary>
public sealed class PoolCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public const string SubjectType = "Customer";

    public async Task<PoolView> LoadAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        var me = scope.UserId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        var people = await TenantPeople.AllAsync(db, cancellationToken);
        var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
        var shops = await db.Shops.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new PoolRegion(r.Id.Value, r.Name)).ToListAsync(cancellationToken);
        var pending = await db.ApprovalRequests.AsNoTracking()
            .Where(r => r.Kind == ApprovalKind.PoolClaim && r.Status == ApprovalStatus.Pending)
            .Select(r => new { CustomerId = r.Subject.Id, r.RequesterId })
            .ToListAsync(cancellationToken);

        var pooled = await db.Customers.AsNoTracking()
            .Where(c => c.OwnerId == null)
            .Select(c => new { c.Id, c.Version, c.Name, c.Tier, c.RegionId, c.ShopId, c.PoolReason, c.PooledAt, c.FormerOwnerId })
            .ToListAsync(cancellationToken);
        var pool = pooled
            .Where(c => SeesAllRegions(scope) || policy.RegionAccess.Allows(c.RegionId, scope.ShopIds))
            .OrderByDescending(c => c.PooledAt)
            .Select(c => new PoolRow(
                c.Id.Value,
                c.Version,
                c.Name,
                c.Tier,
                c.RegionId?.Value,
                shops.GetValueOrDefault(c.ShopId, string.Empty),
                c.PoolReason,
                c.PooledAt,
                c.FormerOwnerId is { } former ? names.GetValueOrDefault(former) : null,
                pending.Count(p => p.CustomerId == c.Id.Value),
                pending.Exists(p => p.CustomerId == c.Id.Value && p.RequesterId == me)))
            .ToImmutableList();

        var owned = await db.Customers.AsNoTracking()
            .Where(c => c.OwnerId == me)
            .Select(c => new { c.Id, c.Version, c.Name, c.Tier, c.RegionId, c.OwnedSince, c.LastFollowUpAt, c.IsLocked, c.ClaimApprovedAt })
            .ToListAsync(cancellationToken);
        var mine = owned
            .Select(c => new OwnedRow(
                c.Id.Value,
                c.Version,
                c.Name,
                c.Tier,
                c.RegionId?.Value,
                c.LastFollowUpAt,
                c.OwnedSince is { } since ? PoolRules.RecycleDue(policy, new RecycleFacts(c.Tier, since, c.LastFollowUpAt, c.IsLocked), now).DueAt : null,
                c.IsLocked,
                c.ClaimApprovedAt is { } approved && !(c.LastFollowUpAt > approved)
                    ? PoolRules.FollowUpAfterClaimDue(policy, approved, followedUp: false, now).DueAt
                    : null))
            .OrderBy(c => c.RecycleDueAt ?? DateTimeOffset.MaxValue)
            .ToImmutableList();

        var canAssign = CanAssign(scope);
        var reps = canAssign
            ? people.Where(p => IsAssignable(p)).Select(p => new RepOption(p.Id.Value, p.DisplayName)).ToImmutableList()
            : [];
        var limits = new PoolLimits(
            await ClaimsTodayAsync(db, me, now, cancellationToken), policy.MaxClaimsPerRepPerDay, owned.Count(c => c.IsLocked), policy.MaxLockedPerRep);
        return new PoolView(
            pool,
            mine,
            [.. regions.Where(r => SeesAllRegions(scope) || policy.RegionAccess.Allows(new RegionId(r.Id), scope.ShopIds))],
            reps,
            TierNames.AllTiers.ToImmutableDictionary(t => t, policy.TierNames.NameOf),
            limits,
            canAssign,
            CanClaim(scope));
    }

    /// <summary>
    /// Asks to claim a pool customer: checks the region, a claim already pending, the former owner's cool-down,
    /// the daily cap and the capacity, then submits a PoolClaim approval request for a manager to decide.
    /// </summary>
    public async Task<ApprovalRequestId> ClaimAsync(Guid customerId, string? reason, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        if (!CanClaim(scope))
        {
            throw new DomainRuleViolation("pool.claim-not-sales", "Only sales reps and managers claim customers from the pool.");
        }

        var me = scope.UserId;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == new CustomerId(customerId), cancellationToken);
        if (customer is null || (!SeesAllRegions(scope) && !policy.RegionAccess.Allows(customer.RegionId, scope.ShopIds)))
        {
            throw NotFound();
        }

        if (!customer.IsInPool)
        {
            throw new DomainRuleViolation("customer.not-in-pool", "This customer is no longer in the pool.");
        }

        if (await db.ApprovalRequests.AnyAsync(
                r => r.Kind == ApprovalKind.PoolClaim && r.Status == ApprovalStatus.Pending && r.Subject.Id == customerId && r.RequesterId == me,
                cancellationToken))
        {
            throw new DomainRuleViolation("pool.claim-already-pending", "You have already asked to claim this customer; a manager will decide.");
        }

        var capacity = policy.CapacityFor(customer.RegionId);
        var facts = new ClaimFacts(
            me,
            customer.FormerOwnerId,
            customer.PooledAt ?? customer.CreatedAt,
            await ClaimsTodayAsync(db, me, now, cancellationToken),
            await OwnedInRegionAsync(db, me, customer.RegionId, cancellationToken),
            capacity);
        Explain(PoolRules.CanClaim(policy, facts, now), policy, capacity);

        var request = ApprovalRequest.Submit(
            ApprovalRequestId.New(), customer.TenantId, customer.ShopId, ApprovalKind.PoolClaim,
            ApprovalSubject.Create(SubjectType, customerId, customer.Name), me, reason ?? string.Empty, now);
        db.ApprovalRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }

    /// <summary>The owner puts a customer back into the pool, with a reason; it keeps its contacts, follow-ups and opportunities.</summary>
    public Task ReleaseAsync(Guid customerId, long expectedVersion, string? reason, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(customerId, expectedVersion, (customer, me, _, now) => customer.ReturnToPool(me, OwnershipChangeKind.Released, reason ?? string.Empty, now), cancellationToken);

    /// <summary>The owner keeps a customer out of recycling, up to the policy's number of locks.</summary>
    public Task LockAsync(Guid customerId, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(
            customerId,
            expectedVersion,
            (customer, me, locked, _) =>
            {
                if (customer.IsLocked)
                {
                    return;
                }

                Explain(PoolRules.CanLock(locked.Policy, locked.Count), locked.Policy, 0);
                customer.Lock(me);
            },
            cancellationToken);

    public Task UnlockAsync(Guid customerId, long expectedVersion, CancellationToken cancellationToken = default) =>
        ChangeOwnAsync(customerId, expectedVersion, (customer, me, _, _) => customer.Unlock(me), cancellationToken);

    /// <summary>
    /// A manager gives pool customers to reps: all to one rep, or dealt out randomly and evenly
    /// (<see cref="PoolRules.SpreadEvenly"/>). All or nothing: a rep over capacity in a region refuses the whole batch.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> AssignAsync(
        IReadOnlyCollection<Guid> customerIds, IReadOnlyCollection<Guid> repIds, int seed, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        if (!CanAssign(scope))
        {
            throw new DomainRuleViolation("pool.assign-manager-only", "Only a manager assigns pool customers.");
        }

        if (customerIds.Count == 0)
        {
            throw new DomainRuleViolation("pool.assign-none-chosen", "Choose at least one customer.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        var people = (await TenantPeople.AllAsync(db, cancellationToken)).ToDictionary(p => p.Id);
        var reps = repIds.Distinct().Select(id => new UserId(id)).ToList();
        if (reps.Any(r => !people.TryGetValue(r, out var person) || !IsAssignable(person)))
        {
            throw new DomainRuleViolation("pool.assign-not-a-rep", "Customers can only be given to active sales reps and managers.");
        }

        var ids = customerIds.Distinct().Select(id => new CustomerId(id)).ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (customers.Count != ids.Count)
        {
            throw NotFound();
        }

        if (customers.FirstOrDefault(c => !c.IsInPool) is { } taken)
        {
            throw new DomainRuleViolation("pool.assign-not-in-pool", $"{taken.Name} is no longer in the pool.", taken.Name);
        }

        var plan = PoolRules.SpreadEvenly(ids, reps, seed);
        var regionNames = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        foreach (var group in customers.GroupBy(c => (Rep: plan[c.Id], c.RegionId)))
        {
            var person = people[group.Key.Rep];
            if (person.Role == Roles.SalesRep && group.Any(c => !policy.RegionAccess.Allows(c.RegionId, person.Shops)))
            {
                throw new DomainRuleViolation(
                    "pool.assign-region-closed", $"{person.DisplayName} may not work this region.", person.DisplayName, RegionName(regionNames, group.Key.RegionId));
            }

            var capacity = policy.CapacityFor(group.Key.RegionId);
            var owned = await OwnedInRegionAsync(db, group.Key.Rep, group.Key.RegionId, cancellationToken);
            if (!PoolRules.CanAssign(owned + group.Count() - 1, capacity).IsAllowed)
            {
                throw new DomainRuleViolation(
                    "pool.assign-capacity-reached",
                    $"{person.DisplayName} owns {owned} customers here; at most {capacity} are allowed.",
                    person.DisplayName, RegionName(regionNames, group.Key.RegionId), owned, capacity, group.Count());
            }
        }

        foreach (var customer in customers)
        {
            customer.AssignTo(plan[customer.Id], scope.UserId, OwnershipChangeKind.Assigned, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }

        return plan.ToDictionary(p => p.Key.Value, p => p.Value.Value);
    }

    public static bool CanAssign(UserScope scope) => scope.IsAdmin || scope.IsInRole(Roles.Manager);

    public static bool CanClaim(UserScope scope) => scope.IsInRole(Roles.SalesRep) || scope.IsInRole(Roles.Manager);

    private static bool SeesAllRegions(UserScope scope) => scope.IsAdmin || scope.IsHeadOffice || scope.IsInRole(Roles.Manager);

    private static bool IsAssignable(TenantPerson person) => !person.IsDisabled && person.Role is Roles.SalesRep or Roles.Manager;

    private sealed record LockFacts(PoolPolicy Policy, int Count);

    private async Task ChangeOwnAsync(
        Guid customerId, long expectedVersion, Action<Customer, UserId, LockFacts, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == new CustomerId(customerId) && c.OwnerId == me, cancellationToken)
            ?? throw new DomainRuleViolation("pool.not-your-customer", "Only the owner can do this, and this customer is not yours (any more).");
        if (customer.Version != expectedVersion)
        {
            throw ChangedMeanwhile();
        }

        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        var locked = await db.Customers.CountAsync(c => c.OwnerId == me && c.IsLocked, cancellationToken);
        change(customer, me, new LockFacts(policy, locked), clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
    }

    /// <summary>Claims made today (UTC), decided or not: the daily cap counts asking, not getting.</summary>
    private static Task<int> ClaimsTodayAsync(CrmDbContext db, UserId rep, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var startOfDay = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return db.ApprovalRequests.CountAsync(r => r.Kind == ApprovalKind.PoolClaim && r.RequesterId == rep && r.CreatedAt >= startOfDay, cancellationToken);
    }

    /// <summary>How many customers <paramref name="rep"/> owns in the region (capacity is per rep per region).</summary>
    internal static Task<int> OwnedInRegionAsync(CrmDbContext db, UserId rep, RegionId? region, CancellationToken cancellationToken) =>
        db.Customers.CountAsync(c => c.OwnerId == rep && c.RegionId == region, cancellationToken);

    /// <summary>Turns a pool rule's refusal into a violation whose arguments the localized message needs.</summary>
    internal static void Explain(PoolDecision decision, PoolPolicy policy, int capacity)
    {
        if (decision.Refusal is not { } refusal)
        {
            return;
        }

        object[] arguments = refusal.Code switch
        {
            "pool.claim-cooldown" => [refusal.Until!.Value],
            "pool.claim-daily-cap" => [policy.MaxClaimsPerRepPerDay, refusal.Until!.Value],
            "pool.capacity-reached" => [capacity],
            "pool.lock-limit-reached" => [policy.MaxLockedPerRep],
            _ => [],
        };
        throw new DomainRuleViolation(refusal.Code, refusal.Message, arguments);
    }

    private static string RegionName(IReadOnlyDictionary<RegionId, string> names, RegionId? region) =>
        region is { } r ? names.GetValueOrDefault(r, string.Empty) : "—";

    private static DomainRuleViolation NotFound() => new("pool.customer-not-found", "That customer does not exist.");

    private static DomainRuleViolation ChangedMeanwhile() =>
        new("pool.changed-meanwhile", "Someone changed this customer meanwhile; the list now shows the current state.");
}
