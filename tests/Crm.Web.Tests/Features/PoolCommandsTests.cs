using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Pool;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

/// <summary>
/// The pool's use cases over the demo database (about 1,000 customers, North China open to the JD and 1688
/// shops only). The clock is set to the time the template was seeded, so the demo's "today" is the test's.
/// </summary>
public sealed class PoolCommandsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        var now = TimeProvider.System.GetUtcNow();
        _app.Clock.SetUtcNow(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        _app.SignIn(DemoUsers.Rep1);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private PoolCommands Commands => _app.Get<PoolCommands>();

    private DateTimeOffset Now => _app.Clock.GetUtcNow();

    [Fact]
    public async Task WhenARepLoadsThePool_TheyMissTheRegionsClosedToTheirShopAndSeeTheirOwnCustomers()
    {
        var view = await Commands.LoadAsync();

        view.Pool.ShouldNotBeEmpty();
        view.Pool.ShouldNotContain(r => r.RegionId == DemoIds.NorthRegion.Value, "North China is open to the JD and 1688 shops only");
        view.Pool.ShouldContain(r => r.Id == PoolDemoSeeder.FreePoolCustomer.Value);
        view.Mine.ShouldNotBeEmpty();
        view.Mine.ShouldContain(r => r.Id == PoolDemoSeeder.Rep1AlmostStale.Value && r.RecycleDueAt < Now.AddDays(3));
        view.CanClaim.ShouldBeTrue();
        view.CanAssign.ShouldBeFalse();
        view.TierNames[CustomerTier.A].ShouldBe("A 战略 Strategic");

        _app.SignIn(DemoUsers.Manager);
        var managers = await Commands.LoadAsync();
        managers.Pool.ShouldContain(r => r.RegionId == DemoIds.NorthRegion.Value);
        managers.Reps.Select(r => r.Name).ShouldBe(["Li Wei", "Wang Fang", "Zhang Min"], ignoreOrder: true);
        managers.CanAssign.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenARepClaimsAFreePoolCustomer_APendingPoolClaimForAManagerNamesTheCustomerAndTheReason()
    {
        var id = await Commands.ClaimAsync(PoolDemoSeeder.FreePoolCustomer.Value, "  Met them at the trade show.  ");

        await using var db = _app.Database.OpenDemo();
        var request = await db.ApprovalRequests.SingleAsync(r => r.Id == id);
        request.Kind.ShouldBe(ApprovalKind.PoolClaim);
        request.Status.ShouldBe(ApprovalStatus.Pending);
        request.RequesterId.ShouldBe(DemoIds.Rep1);
        request.Subject.Id.ShouldBe(PoolDemoSeeder.FreePoolCustomer.Value);
        request.Subject.Type.ShouldBe(PoolCommands.SubjectType);
        request.Reason.ShouldBe("Met them at the trade show.");
        (await db.Customers.SingleAsync(c => c.Id == PoolDemoSeeder.FreePoolCustomer)).IsInPool.ShouldBeTrue("a claim only asks; the approval gives");
        (await Commands.LoadAsync()).Pool.Single(r => r.Id == PoolDemoSeeder.FreePoolCustomer.Value).ClaimedByMe.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTheSameRepClaimsAgainWhilePending_ItIsRefusedAndNothingIsAdded()
    {
        await Commands.ClaimAsync(PoolDemoSeeder.FreePoolCustomer.Value, "First ask.");

        await RefusedAsync(() => Commands.ClaimAsync(PoolDemoSeeder.FreePoolCustomer.Value, "Second ask."), "pool.claim-already-pending");

        (await ClaimsOfRep1Async(PoolDemoSeeder.FreePoolCustomer)).ShouldBe(1);
    }

    [Fact]
    public async Task WhenAClaimHasNoReason_ItIsRefusedAndNothingIsAdded()
    {
        await RefusedAsync(() => Commands.ClaimAsync(PoolDemoSeeder.FreePoolCustomer.Value, "   "), "approval.reason-required");

        (await ClaimsOfRep1Async(PoolDemoSeeder.FreePoolCustomer)).ShouldBe(0);
    }

    [Fact]
    public async Task WhenTheFormerOwnerClaimsDuringTheCoolDown_TheRefusalSaysUntilWhen()
    {
        await using var db = _app.Database.OpenDemo();
        var recent = await db.Customers.AsNoTracking()
            .Where(c => c.OwnerId == null && c.FormerOwnerId == DemoIds.Rep1 && c.RegionId != DemoIds.NorthRegion)
            .OrderByDescending(c => c.PooledAt)
            .FirstAsync();

        var refusal = await RefusedAsync(() => Commands.ClaimAsync(recent.Id.Value, "I know them."), "pool.claim-cooldown");

        refusal.Arguments.ShouldHaveSingleItem().ShouldBe(recent.PooledAt!.Value.AddDays(PoolDemoSeeder.DemoPolicy.ClaimCooldownDays));
    }

    [Fact]
    public async Task WhenTheDailyCapIsReached_TheNextClaimIsRefusedUntilTomorrow()
    {
        var claimable = await ClaimableByRep1Async(PoolDemoSeeder.DemoPolicy.MaxClaimsPerRepPerDay + 1);
        foreach (var customer in claimable.SkipLast(1))
        {
            await Commands.ClaimAsync(customer.Value, "Worth a call.");
        }

        var refusal = await RefusedAsync(() => Commands.ClaimAsync(claimable[^1].Value, "One more."), "pool.claim-daily-cap");

        refusal.Arguments[0].ShouldBe(PoolDemoSeeder.DemoPolicy.MaxClaimsPerRepPerDay);
        refusal.Arguments[1].ShouldBe(new DateTimeOffset(Now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero));
        (await ClaimsOfRep1Async(claimable[^1])).ShouldBe(0);
    }

    [Fact]
    public async Task WhenTheRepIsAtCapacityInTheRegion_TheClaimIsRefusedNamingTheCapacity()
    {
        int owned;
        await using (var db = _app.Database.OpenDemo())
        {
            owned = await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1 && c.RegionId == DemoIds.EastRegion);
        }

        await ConfigurePoolAsync(PoolDemoSeeder.DemoPolicy.RegionCapacities.ToDictionary(r => r.Key, r => r.Key == DemoIds.EastRegion ? owned : r.Value));

        var refusal = await RefusedAsync(() => Commands.ClaimAsync(PoolDemoSeeder.FreePoolCustomer.Value, "Worth a call."), "pool.capacity-reached");
        refusal.Arguments.ShouldBe([owned]);
    }

    [Fact]
    public async Task WhenARepClaimsInARegionClosedToTheirShop_TheCustomerIsNotFound()
    {
        await using var db = _app.Database.OpenDemo();
        var north = await db.Customers.AsNoTracking().FirstAsync(c => c.OwnerId == null && c.RegionId == DemoIds.NorthRegion);

        await RefusedAsync(() => Commands.ClaimAsync(north.Id.Value, "Please."), "pool.customer-not-found");
    }

    [Fact]
    public async Task WhenTheOwnerReleasesACustomerWithAReason_ItIsInThePoolWithItsContactsAndReason()
    {
        var mine = (await Commands.LoadAsync()).Mine.First(r => !r.IsLocked);

        await Commands.ReleaseAsync(mine.Id, mine.Version, "Moved to another supplier.");

        await using var db = _app.Database.OpenDemo();
        var customer = await db.Customers.SingleAsync(c => c.Id == new CustomerId(mine.Id));
        customer.IsInPool.ShouldBeTrue();
        customer.FormerOwnerId.ShouldBe(DemoIds.Rep1);
        customer.PoolReason.ShouldBe("Moved to another supplier.");
        customer.Contacts.ShouldNotBeEmpty();
        customer.OwnershipHistory.OrderBy(h => h.At).Last().Kind.ShouldBe(OwnershipChangeKind.Released);
    }

    [Fact]
    public async Task WhenAReleaseHasNoReasonOrAStaleVersion_ItIsRefusedAndTheCustomerStaysOwned()
    {
        var mine = (await Commands.LoadAsync()).Mine.First(r => !r.IsLocked);

        await RefusedAsync(() => Commands.ReleaseAsync(mine.Id, mine.Version, " "), "customer.pool-reason-required");
        await RefusedAsync(() => Commands.ReleaseAsync(mine.Id, mine.Version - 1, "Old view."), "pool.changed-meanwhile");

        await using var db = _app.Database.OpenDemo();
        (await db.Customers.SingleAsync(c => c.Id == new CustomerId(mine.Id))).OwnerId.ShouldBe(DemoIds.Rep1);
    }

    [Fact]
    public async Task WhenSomeoneElsesCustomerIsReleased_ItIsRefused()
    {
        await using var db = _app.Database.OpenDemo();
        var theirs = await db.Customers.AsNoTracking().FirstAsync(c => c.OwnerId == DemoIds.Rep2);

        await RefusedAsync(() => Commands.ReleaseAsync(theirs.Id.Value, theirs.Version, "Not mine."), "pool.not-your-customer");
    }

    [Fact]
    public async Task WhenTheLockLimitIsReached_TheNextLockIsRefusedAndUnlockingFreesAPlace()
    {
        var mine = (await Commands.LoadAsync()).Mine.Where(r => !r.IsLocked).Take(PoolDemoSeeder.DemoPolicy.MaxLockedPerRep + 1).ToList();
        foreach (var row in mine.SkipLast(1))
        {
            await Commands.LockAsync(row.Id, row.Version);
        }

        var refusal = await RefusedAsync(() => Commands.LockAsync(mine[^1].Id, mine[^1].Version), "pool.lock-limit-reached");
        refusal.Arguments.ShouldBe([PoolDemoSeeder.DemoPolicy.MaxLockedPerRep]);

        var unlocked = (await Commands.LoadAsync()).Mine.Single(r => r.Id == mine[0].Id);
        unlocked.IsLocked.ShouldBeTrue();
        unlocked.RecycleDueAt.ShouldBeNull("a locked customer is never recycled");
        await Commands.UnlockAsync(unlocked.Id, unlocked.Version);
        await Commands.LockAsync(mine[^1].Id, mine[^1].Version);
        (await Commands.LoadAsync()).Limits.Locked.ShouldBe(PoolDemoSeeder.DemoPolicy.MaxLockedPerRep);
    }

    [Fact]
    public async Task WhenAManagerSpreadsCustomersOverTwoReps_EachGetsHalfAndTheHistorySaysAssigned()
    {
        _app.SignIn(DemoUsers.Manager);
        var chosen = (await Commands.LoadAsync()).Pool.Where(r => r.RegionId == DemoIds.SouthRegion.Value).Take(4).Select(r => r.Id).ToList();

        var plan = await Commands.AssignAsync(chosen, [DemoIds.Rep1.Value, DemoIds.Rep2.Value], seed: 7);

        plan.Values.GroupBy(r => r).Select(g => g.Count()).ShouldBe([2, 2]);
        await using var db = _app.Database.OpenDemo();
        var ids = chosen.Select(c => new CustomerId(c)).ToList();
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync();
        customers.ShouldAllBe(c => c.OwnerId != null && c.OwnerId!.Value.Value == plan[c.Id.Value]);
        customers.ShouldAllBe(c => c.OwnershipHistory.OrderBy(h => h.At).Last().Kind == OwnershipChangeKind.Assigned);
    }

    [Fact]
    public async Task WhenAnAssignmentWouldPassARepsCapacity_TheWholeBatchIsRefusedAndNothingChanges()
    {
        _app.SignIn(DemoUsers.Manager);
        int owned;
        await using (var db = _app.Database.OpenDemo())
        {
            owned = await db.Customers.CountAsync(c => c.OwnerId == DemoIds.Rep1 && c.RegionId == DemoIds.SouthRegion);
        }

        await ConfigurePoolAsync(new Dictionary<RegionId, int> { [DemoIds.SouthRegion] = owned + 1 });
        var chosen = (await Commands.LoadAsync()).Pool.Where(r => r.RegionId == DemoIds.SouthRegion.Value).Take(2).Select(r => r.Id).ToList();

        var refusal = await RefusedAsync(() => Commands.AssignAsync(chosen, [DemoIds.Rep1.Value], seed: 1), "pool.assign-capacity-reached");

        refusal.Arguments[0].ShouldBe("Li Wei");
        refusal.Arguments[3].ShouldBe(owned + 1);
        await using var after = _app.Database.OpenDemo();
        var ids = chosen.Select(c => new CustomerId(c)).ToList();
        (await after.Customers.CountAsync(c => ids.Contains(c.Id) && c.OwnerId == null)).ShouldBe(2);
    }

    [Fact]
    public Task WhenARepTriesToAssign_ItIsRefused() =>
        RefusedAsync(() => Commands.AssignAsync([PoolDemoSeeder.FreePoolCustomer.Value], [DemoIds.Rep1.Value], seed: 1), "pool.assign-manager-only");

    private static Task<DomainRuleViolation> RefusedAsync<T>(Func<Task<T>> action, string code) =>
        RefusedAsync(async () => { _ = await action(); }, code);

    private static async Task<DomainRuleViolation> RefusedAsync(Func<Task> action, string code)
    {
        var violation = await Should.ThrowAsync<DomainRuleViolation>(action);
        violation.Code.ShouldBe(code);
        return violation;
    }

    private async Task<int> ClaimsOfRep1Async(CustomerId customer)
    {
        await using var db = _app.Database.OpenDemo();
        return await db.ApprovalRequests.CountAsync(r => r.RequesterId == DemoIds.Rep1 && r.Subject.Id == customer.Value && r.Status == ApprovalStatus.Pending);
    }

    /// <summary>Pool customers rep1 may claim now: open regions, not in rep1's cool-down, no claim of rep1's pending.</summary>
    private async Task<List<CustomerId>> ClaimableByRep1Async(int count)
    {
        var view = await Commands.LoadAsync();
        await using var db = _app.Database.OpenDemo();
        var ids = view.Pool.Where(r => !r.ClaimedByMe).Select(r => new CustomerId(r.Id)).ToList();
        var free = await db.Customers.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.FormerOwnerId != DemoIds.Rep1)
            .Select(c => c.Id)
            .ToListAsync();
        free.Count.ShouldBeGreaterThanOrEqualTo(count);
        return [.. free.Take(count)];
    }

    private async Task ConfigurePoolAsync(Dictionary<RegionId, int> capacities)
    {
        var p = PoolDemoSeeder.DemoPolicy;
        var policy = PoolPolicy.Create(
            TierNames.AllTiers.ToDictionary(t => t, p.For), p.TierNames, p.MaxLockedPerRep, p.ClaimCooldownDays, p.MaxClaimsPerRepPerDay,
            p.FollowUpAfterClaimDays, p.DefaultCapacity, capacities, p.RegionAccess);
        await using var db = _app.Database.OpenDemo();
        var tenant = await db.Tenants.SingleAsync();
        tenant.ConfigurePool(policy, Now);
        await db.SaveChangesAsync();
    }
}
