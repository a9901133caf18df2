using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;
using static Crm.Domain.Tests.Customers.Pool.PoolPolicyBuilder;

namespace Crm.Domain.Tests.Customers.Pool;

public class PoolPolicyCreateTests
{
    [Fact]
    public void WhenEverythingValid_KeepsEveryValue()
    {
        var region = RegionId.New();
        var policy = Policy(maxLocked: 4, cooldownDays: 0, maxClaimsPerDay: 2, followUpDays: 7, capacity: 50, regions: new() { [region] = 80 });

        policy.MaxLockedPerRep.ShouldBe(4);
        policy.ClaimCooldownDays.ShouldBe(0);
        policy.MaxClaimsPerRepPerDay.ShouldBe(2);
        policy.FollowUpAfterClaimDays.ShouldBe(7);
        policy.DefaultCapacity.ShouldBe(50);
        policy.CapacityFor(region).ShouldBe(80);
        policy.CapacityFor(RegionId.New()).ShouldBe(50);
        policy.CapacityFor(null).ShouldBe(50);
        policy.For(CustomerTier.C).RecycleAfterDays.ShouldBe(30);
    }

    [Fact]
    public void WhenATierHasNoPolicy_RefusesWithTierMissing()
    {
        var tiers = Tiers();
        tiers.Remove(CustomerTier.E);

        RuleAssert.Violates(() => Policy(tiers), "pool-policy.tier-missing");
    }

    [Fact]
    public void WhenATierIsUndefined_RefusesWithTierInvalid()
    {
        var tiers = Tiers();
        tiers[(CustomerTier)9] = TierPolicy.Create(30, 5, 2);

        RuleAssert.Violates(() => Policy(tiers), "pool.tier-invalid");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(PoolPolicy.MaxLockedLimit + 1)]
    public void WhenLockLimitOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(maxLocked: value), "pool-policy.lock-limit-out-of-range");

    [Theory]
    [InlineData(-1)]
    [InlineData(PoolPolicy.MaxCooldownDays + 1)]
    public void WhenCooldownOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(cooldownDays: value), "pool-policy.cooldown-out-of-range");

    [Theory]
    [InlineData(0)]
    [InlineData(PoolPolicy.MaxClaimsPerDayLimit + 1)]
    public void WhenDailyClaimsOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(maxClaimsPerDay: value), "pool-policy.daily-claims-out-of-range");

    [Theory]
    [InlineData(0)]
    [InlineData(PoolPolicy.MaxFollowUpAfterClaimDays + 1)]
    public void WhenFollowUpDaysOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(followUpDays: value), "pool-policy.follow-up-days-out-of-range");

    [Theory]
    [InlineData(0)]
    [InlineData(PoolPolicy.MaxCapacity + 1)]
    public void WhenDefaultCapacityOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(capacity: value), "pool-policy.capacity-out-of-range");

    [Theory]
    [InlineData(0)]
    [InlineData(PoolPolicy.MaxCapacity + 1)]
    public void WhenRegionCapacityOutOfRange_Refuses(int value) =>
        RuleAssert.Violates(() => Policy(regions: new() { [RegionId.New()] = value }), "pool-policy.capacity-out-of-range");

    [Theory]
    [InlineData(0, 0, 1, 1, 1)]
    [InlineData(PoolPolicy.MaxLockedLimit, PoolPolicy.MaxCooldownDays, PoolPolicy.MaxClaimsPerDayLimit, PoolPolicy.MaxFollowUpAfterClaimDays, PoolPolicy.MaxCapacity)]
    public void WhenValuesAtTheirLimits_Accepts(int locked, int cooldown, int claims, int followUp, int capacity) =>
        Should.NotThrow(() => Policy(maxLocked: locked, cooldownDays: cooldown, maxClaimsPerDay: claims, followUpDays: followUp, capacity: capacity));

    [Fact]
    public void WhenCreatedTwiceWithSameValues_AreEqual()
    {
        var region = new RegionId(Guid.Parse("6a1f3f0e-8a0b-4c1e-9a57-000000000001"));

        Policy(regions: new() { [region] = 9 }).ShouldBe(Policy(regions: new() { [region] = 9 }));
        Policy(maxLocked: 3).ShouldNotBe(Policy(maxLocked: 4));
    }

    [Fact]
    public void WhenRegionAccessDiffers_ThePoliciesDifferAndEachKeepsItsOwn()
    {
        var region = RegionId.New();
        var shop = ShopId.New();
        var closed = PoolRegionAccess.Create(new Dictionary<RegionId, IReadOnlyCollection<ShopId>> { [region] = [shop] });
        var tiers = Tiers();

        var restricted = PoolPolicy.Create(tiers, TierNames.Default, 10, 30, 5, 3, 200, null, closed);
        var open = PoolPolicy.Create(tiers, TierNames.Default, 10, 30, 5, 3, 200);

        restricted.RegionAccess.ShouldBe(closed);
        open.RegionAccess.ShouldBe(PoolRegionAccess.Open);
        restricted.ShouldNotBe(open);
        restricted.ShouldBe(PoolPolicy.Create(tiers, TierNames.Default, 10, 30, 5, 3, 200, null, closed));
        PoolPolicy.Default.RegionAccess.ShouldBe(PoolRegionAccess.Open);
    }
}

public class PoolPolicyDefaultTests
{
    [Fact]
    public void WhenDefault_RecyclesBetterTiersLater()
    {
        var policy = PoolPolicy.Default;

        policy.For(CustomerTier.A).RecycleAfterDays.ShouldBe(90);
        policy.For(CustomerTier.E).RecycleAfterDays.ShouldBe(7);
        TierNames.AllTiers.Select(t => policy.For(t).RecycleAfterDays).ShouldBeInOrder(SortDirection.Descending);
        policy.MaxLockedPerRep.ShouldBe(10);
        policy.ClaimCooldownDays.ShouldBe(30);
        policy.MaxClaimsPerRepPerDay.ShouldBe(5);
        policy.FollowUpAfterClaimDays.ShouldBe(3);
        policy.DefaultCapacity.ShouldBe(200);
        policy.TierNames.ShouldBe(TierNames.Default);
    }

    [Fact]
    public void WhenAskedForAnUndefinedTier_RefusesWithTierInvalid() =>
        RuleAssert.Violates(() => PoolPolicy.Default.For((CustomerTier)0), "pool.tier-invalid");

    [Fact]
    public void WhenRegionCapacitiesAreReplaced_TheOtherRulesStayAndTheNewCapacitiesAreValidated()
    {
        var (east, north) = (RegionId.New(), RegionId.New());
        var policy = Policy(maxLocked: 4, capacity: 50, regions: new() { [east] = 80 });

        var changed = policy.WithRegionCapacities(new Dictionary<RegionId, int> { [north] = 300 });

        changed.CapacityFor(north).ShouldBe(300);
        changed.CapacityFor(east).ShouldBe(50);
        changed.MaxLockedPerRep.ShouldBe(4);
        changed.ShouldBe(Policy(maxLocked: 4, capacity: 50, regions: new() { [north] = 300 }));
        RuleAssert.Violates(() => policy.WithRegionCapacities(new Dictionary<RegionId, int> { [north] = 0 }), "pool-policy.capacity-out-of-range");
    }
}
