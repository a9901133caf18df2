using System.Globalization;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Jobs;

/// <summary>What one pass of <see cref="PoolRecycling"/> did.</summary>
public sealed record PoolRecyclingResult(int Recycled, int OwnerReminders, int ManagerReminders)
{
    public static PoolRecyclingResult None { get; } = new(0, 0, 0);

    public bool IsEmpty => this == None;

    public PoolRecyclingResult Plus(PoolRecyclingResult other) =>
        new(Recycled + other.Recycled, OwnerReminders + other.OwnerReminders, ManagerReminders + other.ManagerReminders);
}

/// <summary>
/// Keeps customers from being hoarded or forgotten, driven by TimeProvider: an owned customer nobody followed
/// up within its tier's days goes back to the public pool (owner notified, reason recorded), and so does one
/// whose approved claim was not followed up within the policy's days. Before that the owner and then the
/// owner's manager are reminded, once per cycle. Locked customers are left alone. Idempotent: a second pass
/// at the same time changes nothing.
/// </summary>
public sealed class PoolRecycling(DatabaseModel database, TimeProvider clock, IConfiguration configuration, ILogger<PoolRecycling> logger)
    : BackgroundService
{
    public const string RecycledKey = "Notification.CustomerRecycled";
    public const string ClaimNotFollowedUpKey = "Notification.ClaimNotFollowedUp";
    public const string OwnerReminderKey = "Notification.CustomerRecycleSoon";
    public const string ManagerReminderKey = "Notification.RepCustomerRecycleSoon";

    public async Task<PoolRecyclingResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<TenantId> tenants;
        await using (var system = database.CreateSystem())
        {
            tenants = await system.Tenants.IgnoreQueryFilters().Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var total = PoolRecyclingResult.None;
        foreach (var tenant in tenants)
        {
            total = total.Plus(await RunForAsync(tenant, cancellationToken));
        }

        return total;
    }

    private async Task<PoolRecyclingResult> RunForAsync(TenantId tenant, CancellationToken cancellationToken)
    {
        await using var db = database.CreateFor(tenant);
        var now = clock.GetUtcNow();
        var policy = await TenantSettings.PoolAsync(db, cancellationToken);

        // Decide on a light projection first; load (and track) only the customers that change.
        var owned = await db.Customers.AsNoTracking()
            .Where(c => c.OwnerId != null && c.OwnedSince != null)
            .Select(c => new
            {
                c.Id, c.Tier, OwnedSince = c.OwnedSince!.Value, c.LastFollowUpAt, c.IsLocked, c.ClaimApprovedAt,
                c.OwnerRemindedAt, c.ManagerRemindedAt,
            })
            .ToListAsync(cancellationToken);
        var plan = new Dictionary<CustomerId, Step>();
        foreach (var c in owned)
        {
            var facts = new RecycleFacts(c.Tier, c.OwnedSince, c.LastFollowUpAt, c.IsLocked);
            if (c.ClaimApprovedAt is { } approved
                && PoolRules.FollowUpAfterClaimDue(policy, approved, c.LastFollowUpAt > approved, now).IsOverdue)
            {
                plan[c.Id] = new Step(Recycle: true, ClaimNotFollowedUp: true, PoolReminders.None);
            }
            else if (PoolRules.RecycleDue(policy, facts, now).IsDue)
            {
                plan[c.Id] = new Step(Recycle: true, ClaimNotFollowedUp: false, PoolReminders.None);
            }
            else if (PoolRules.RemindersDue(policy, new ReminderFacts(facts, c.OwnerRemindedAt, c.ManagerRemindedAt), now) is var due and not PoolReminders.None)
            {
                plan[c.Id] = new Step(Recycle: false, ClaimNotFollowedUp: false, due);
            }
        }

        if (plan.Count == 0)
        {
            return PoolRecyclingResult.None;
        }

        var people = await TenantPeople.AllAsync(db, cancellationToken);
        var ids = plan.Keys.ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var result = PoolRecyclingResult.None;
        foreach (var customer in customers)
        {
            var step = plan[customer.Id];
            var owner = customer.OwnerId!.Value;
            if (step.Recycle)
            {
                result = result.Plus(Recycle(db, customer, policy, step.ClaimNotFollowedUp, now));
                continue;
            }

            var dueAt = PoolRules.RecycleDue(policy, customer.RecycleFacts(), now).DueAt!.Value;
            var date = dueAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (step.Reminders.HasFlag(PoolReminders.Owner))
            {
                db.Notifications.Add(Notification.Send(tenant, owner, OwnerReminderKey, [customer.Name, date], "/pool", now));
                result = result.Plus(new PoolRecyclingResult(0, 1, 0));
            }

            if (step.Reminders.HasFlag(PoolReminders.Manager))
            {
                var ownerName = people.FirstOrDefault(p => p.Id == owner)?.DisplayName ?? string.Empty;
                foreach (var manager in people.Where(p => p.ManagesShop(customer.ShopId) && p.Id != owner))
                {
                    db.Notifications.Add(Notification.Send(tenant, manager.Id, ManagerReminderKey, [customer.Name, ownerName, date], "/pool", now));
                }

                result = result.Plus(new PoolRecyclingResult(0, 0, 1));
            }

            customer.RecordRecycleReminders(step.Reminders, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private static PoolRecyclingResult Recycle(CrmDbContext db, Customer customer, PoolPolicy policy, bool claimNotFollowedUp, DateTimeOffset now)
    {
        var owner = customer.OwnerId!.Value;
        var days = claimNotFollowedUp ? policy.FollowUpAfterClaimDays : policy.For(customer.Tier).RecycleAfterDays;
        var reason = string.Format(
            CultureInfo.InvariantCulture,
            claimNotFollowedUp ? "认领后 {0} 天内未跟进 Not followed up within {0} days of the claim" : "{0} 天未跟进，自动回收 Not followed up for {0} days",
            days);
        customer.ReturnToPool(null, OwnershipChangeKind.Recycled, reason, now);
        db.Notifications.Add(Notification.Send(
            customer.TenantId,
            owner,
            claimNotFollowedUp ? ClaimNotFollowedUpKey : RecycledKey,
            [customer.Name, days.ToString(CultureInfo.InvariantCulture)],
            "/pool",
            now));
        return new PoolRecyclingResult(1, 0, 0);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Jobs:PoolRecyclingMinutes", 60));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var result = await RunOnceAsync(stoppingToken);
                if (!result.IsEmpty)
                {
                    logger.LogInformation(
                        "Pool recycling: {Recycled} customers back in the pool, {Owner} owner and {Manager} manager reminders.",
                        result.Recycled, result.OwnerReminders, result.ManagerReminders);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Pool recycling failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private sealed record Step(bool Recycle, bool ClaimNotFollowedUp, PoolReminders Reminders);
}
