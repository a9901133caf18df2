using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Infrastructure.Tests.Pool;

/// <summary>
/// The recycle job on the demo data (about 1,000 customers), on real SQLite, at the seeding time of a fake clock.
/// Tests that need a customer in a particular state register their own, with times relative to the clock, so
/// that they do not depend on each other's order.
/// </summary>
public sealed class PoolRecyclingTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly PoolPolicy Policy = PoolDemoSeeder.DemoPolicy;

    private PoolRecycling Job => new(database.Model, database.Clock, new ConfigurationBuilder().Build(), NullLogger<PoolRecycling>.Instance);

    private DateTimeOffset Now => database.Clock.GetUtcNow();

    [Fact]
    public async Task WhenRunTwiceAtTheSameTime_TheSecondPassChangesNothing()
    {
        await Job.RunOnceAsync();
        var before = await SnapshotAsync();

        var second = await Job.RunOnceAsync();

        second.ShouldBe(PoolRecyclingResult.None);
        (await SnapshotAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WhenAnOwnerDidNotFollowUpWithinTheTiersDays_TheCustomerGoesBackWithItsContextAndTheOwnerIsTold()
    {
        var id = await RegisterAsync(DemoIds.Rep2, CustomerTier.D, followedUpDaysAgo: Policy.For(CustomerTier.D).RecycleAfterDays);

        await Job.RunOnceAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var customer = await db.Customers.SingleAsync(c => c.Id == id);
        customer.IsInPool.ShouldBeTrue();
        customer.FormerOwnerId.ShouldBe(DemoIds.Rep2);
        customer.PooledAt.ShouldBe(Now);
        customer.PoolReason.ShouldNotBeNull().ShouldContain(Policy.For(CustomerTier.D).RecycleAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        customer.Contacts.ShouldHaveSingleItem();
        var last = customer.OwnershipHistory.OrderBy(h => h.At).Last();
        (last.Kind, last.FromOwnerId, last.ToOwnerId, last.Reason).ShouldBe((OwnershipChangeKind.Recycled, DemoIds.Rep2, (UserId?)null, customer.PoolReason));
        (await NotificationsAsync(db, DemoIds.Rep2, PoolRecycling.RecycledKey, customer.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task WhenTheDemoIsSeeded_TheOverdueDemoCustomerIsRecycledOnTheFirstPass()
    {
        await Job.RunOnceAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var customer = await db.Customers.SingleAsync(c => c.Id == PoolDemoSeeder.Rep1Overdue);
        customer.IsInPool.ShouldBeTrue();
        customer.FormerOwnerId.ShouldBe(DemoIds.Rep1);
    }

    [Fact]
    public async Task WhenADayIsLeftForEachTier_TheOwnerAndTheManagerAreRemindedOnceAndNothingIsRecycled()
    {
        foreach (var tier in TierNames.AllTiers)
        {
            var days = Policy.For(tier).RecycleAfterDays;
            var id = await RegisterAsync(DemoIds.Rep1, tier, followedUpDaysAgo: days - 1);

            await Job.RunOnceAsync();
            await Job.RunOnceAsync();

            await using var db = database.CreateFor(DemoIds.DemoTenant);
            var customer = await db.Customers.SingleAsync(c => c.Id == id);
            customer.OwnerId.ShouldBe(DemoIds.Rep1, $"tier {tier}");
            (await NotificationsAsync(db, DemoIds.Rep1, PoolRecycling.OwnerReminderKey, customer.Name)).ShouldBe(1, $"tier {tier}");
            (await NotificationsAsync(db, DemoIds.Manager, PoolRecycling.ManagerReminderKey, customer.Name)).ShouldBe(1, $"tier {tier}");
        }
    }

    [Fact]
    public async Task WhenOnlyTheOwnersReminderIsDue_TheManagerIsNotToldYet()
    {
        var tier = Policy.For(CustomerTier.A);
        var id = await RegisterAsync(DemoIds.Rep2, CustomerTier.A, followedUpDaysAgo: tier.RecycleAfterDays - tier.OwnerReminderDaysBefore);

        await Job.RunOnceAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var customer = await db.Customers.SingleAsync(c => c.Id == id);
        (await NotificationsAsync(db, DemoIds.Rep2, PoolRecycling.OwnerReminderKey, customer.Name)).ShouldBe(1);
        (await NotificationsAsync(db, DemoIds.Manager, PoolRecycling.ManagerReminderKey, customer.Name)).ShouldBe(0);
    }

    [Fact]
    public async Task WhenALockedCustomerIsLongOverdue_ItStaysWithItsOwner()
    {
        var id = await RegisterAsync(DemoIds.Rep2, CustomerTier.E, followedUpDaysAgo: 200, locked: true);

        await Job.RunOnceAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        (await db.Customers.SingleAsync(c => c.Id == id)).OwnerId.ShouldBe(DemoIds.Rep2);
    }

    [Fact]
    public async Task WhenAnApprovedClaimWasNotFollowedUpWithinTheDays_TheCustomerGoesBackAndTheRepIsTold()
    {
        var overdue = await ClaimedAsync(daysAgo: Policy.FollowUpAfterClaimDays, followedUp: false);
        var followed = await ClaimedAsync(daysAgo: Policy.FollowUpAfterClaimDays, followedUp: true);
        var recent = await ClaimedAsync(daysAgo: Policy.FollowUpAfterClaimDays - 1, followedUp: false);

        await Job.RunOnceAsync();

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var back = await db.Customers.SingleAsync(c => c.Id == overdue);
        back.IsInPool.ShouldBeTrue();
        back.OwnershipHistory.OrderBy(h => h.At).Last().Kind.ShouldBe(OwnershipChangeKind.Recycled);
        (await NotificationsAsync(db, DemoIds.Rep1, PoolRecycling.ClaimNotFollowedUpKey, back.Name)).ShouldBe(1);
        (await db.Customers.SingleAsync(c => c.Id == followed)).OwnerId.ShouldBe(DemoIds.Rep1);
        (await db.Customers.SingleAsync(c => c.Id == recent)).OwnerId.ShouldBe(DemoIds.Rep1);
    }

    [Fact]
    public async Task WhenTheJobRemindsAndRecycles_TheBellsOfTheRecipientsHearItLive()
    {
        await Job.RunOnceAsync();
        var id = await RegisterAsync(DemoIds.Rep2, CustomerTier.E, followedUpDaysAgo: 30);
        using var bell = database.Feed.Subscribe(DemoIds.DemoTenant.Value, NotificationCard.Board);

        await Job.RunOnceAsync();

        var events = await bell.NextAsync(1);
        events.ShouldContain(e => e.OwnerId == DemoIds.Rep2.Value);
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        (await db.Customers.SingleAsync(c => c.Id == id)).IsInPool.ShouldBeTrue();
    }

    /// <summary>A customer of <paramref name="owner"/> (assigned long ago) last followed up <paramref name="followedUpDaysAgo"/> days before now.</summary>
    private async Task<CustomerId> RegisterAsync(UserId owner, CustomerTier tier, int followedUpDaysAgo, bool locked = false)
    {
        var id = CustomerId.New();
        var customer = Customer.Register(id, DemoIds.DemoTenant, DemoIds.JdShop, $"Recycle test {id.Value:N}", null, owner, Now.AddDays(-400));
        customer.UpdateProfile(CustomerProfile.Default with { Tier = tier, RegionId = DemoIds.SouthRegion });
        customer.AddContact(ContactId.New(), "Wang Jun", null, "Buyer");
        customer.RecordFollowUp(Now.AddDays(-followedUpDaysAgo));
        if (locked)
        {
            customer.Lock(owner);
        }

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>A pool customer whose claim by rep1 was approved <paramref name="daysAgo"/> days before now.</summary>
    private async Task<CustomerId> ClaimedAsync(int daysAgo, bool followedUp)
    {
        var id = CustomerId.New();
        var customer = Customer.Register(id, DemoIds.DemoTenant, DemoIds.TmallShop, $"Claim test {id.Value:N}", null, null, Now.AddDays(-100));
        customer.UpdateProfile(CustomerProfile.Default with { Tier = CustomerTier.A, RegionId = DemoIds.EastRegion });
        customer.ApproveClaim(DemoIds.Rep1, DemoIds.Manager, Now.AddDays(-daysAgo));
        if (followedUp)
        {
            customer.RecordFollowUp(Now.AddDays(-daysAgo).AddHours(5));
        }

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return id;
    }

    private static Task<int> NotificationsAsync(Crm.Infrastructure.Persistence.CrmDbContext db, UserId recipient, string key, string customerName) =>
        db.Notifications.CountAsync(n => n.RecipientId == recipient && n.MessageKey == key && n.Arguments.StartsWith(customerName + Notification.ArgumentSeparator));

    /// <summary>What the job may change: owners, locks, reminder times, history rows and notifications, of every tenant.</summary>
    private async Task<(string Customers, int History, int Notifications)> SnapshotAsync()
    {
        await using var db = database.CreateSystem();
        var customers = await db.Customers.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.OwnerId, c.IsLocked, c.OwnerRemindedAt, c.ManagerRemindedAt, c.Version })
            .ToListAsync();
        return (
            string.Join(";", customers.Select(c => $"{c.Id}|{c.OwnerId}|{c.IsLocked}|{c.OwnerRemindedAt}|{c.ManagerRemindedAt}|{c.Version}")),
            await db.CustomerOwnershipChanges.IgnoreQueryFilters().CountAsync(),
            await db.Notifications.IgnoreQueryFilters().CountAsync());
    }
}
