using Crm.Domain.Customers.Pool;
using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;
using static Crm.Domain.Tests.Customers.Pool.PoolPolicyBuilder;

namespace Crm.Domain.Tests.Customers.Pool;

public class PoolRulesCanClaimTests
{
    private static readonly UserId Rep = UserId.New();
    private static readonly UserId Other = UserId.New();
    private static readonly DateTimeOffset RecycledAt = Moments.Now;
    private static readonly PoolPolicy Policy = PoolPolicyBuilder.Policy(cooldownDays: 30, maxClaimsPerDay: 5);

    private static ClaimFacts Facts(UserId? formerOwner = null, int claimsToday = 0, int owned = 0, int capacity = 200) =>
        new(Rep, formerOwner, RecycledAt, claimsToday, owned, capacity);

    [Fact]
    public void WhenNothingStandsInTheWay_IsAllowed()
    {
        var decision = PoolRules.CanClaim(Policy, Facts(Other, claimsToday: 4, owned: 199), RecycledAt);

        decision.IsAllowed.ShouldBeTrue();
        decision.Refusal.ShouldBeNull();
        Should.NotThrow(decision.ThrowIfRefused);
    }

    [Fact]
    public void WhenFormerOwnerClaimsDuringCooldown_RefusesWithCooldownUntilItEnds()
    {
        var decision = PoolRules.CanClaim(Policy, Facts(Rep), RecycledAt.AddDays(30).AddTicks(-1));

        decision.IsAllowed.ShouldBeFalse();
        decision.Refusal!.Code.ShouldBe("pool.claim-cooldown");
        decision.Refusal.Until.ShouldBe(RecycledAt.AddDays(30));
    }

    [Fact]
    public void WhenFormerOwnerClaimsExactlyWhenCooldownEnds_IsAllowed() =>
        PoolRules.CanClaim(Policy, Facts(Rep), RecycledAt.AddDays(30)).IsAllowed.ShouldBeTrue();

    [Fact]
    public void WhenAnotherRepClaimsDuringCooldown_IsAllowed() =>
        PoolRules.CanClaim(Policy, Facts(Other), RecycledAt).IsAllowed.ShouldBeTrue();

    [Fact]
    public void WhenCooldownIsZero_FormerOwnerMayClaimAtOnce() =>
        PoolRules.CanClaim(PoolPolicyBuilder.Policy(cooldownDays: 0), Facts(Rep), RecycledAt).IsAllowed.ShouldBeTrue();

    [Fact]
    public void WhenDailyCapReached_RefusesWithDailyCapUntilNextMidnight()
    {
        var now = new DateTimeOffset(2026, 3, 2, 23, 59, 0, TimeSpan.FromHours(8));

        var refusal = PoolRules.CanClaim(Policy, Facts(claimsToday: 5), now).Refusal!;

        refusal.Code.ShouldBe("pool.claim-daily-cap");
        refusal.Until.ShouldBe(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void WhenOneClaimBelowTheDailyCap_IsAllowed() =>
        PoolRules.CanClaim(Policy, Facts(claimsToday: 4), RecycledAt).IsAllowed.ShouldBeTrue();

    [Fact]
    public void WhenCapacityReached_RefusesWithCapacityReached()
    {
        var refusal = PoolRules.CanClaim(Policy, Facts(owned: 50, capacity: 50), RecycledAt).Refusal!;

        refusal.Code.ShouldBe("pool.capacity-reached");
        refusal.Until.ShouldBeNull();
    }

    [Fact]
    public void WhenSeveralRulesRefuse_CooldownIsNamedFirst() =>
        PoolRules.CanClaim(Policy, Facts(Rep, claimsToday: 5, owned: 50, capacity: 50), RecycledAt).Refusal!.Code.ShouldBe("pool.claim-cooldown");

    [Fact]
    public void WhenDailyCapAndCapacityRefuse_DailyCapIsNamed() =>
        PoolRules.CanClaim(Policy, Facts(claimsToday: 5, owned: 50, capacity: 50), RecycledAt).Refusal!.Code.ShouldBe("pool.claim-daily-cap");

    [Fact]
    public void WhenRefusalIsThrown_ViolationCarriesCodeAndUntil()
    {
        var decision = PoolRules.CanClaim(Policy, Facts(Rep), RecycledAt);

        var violation = RuleAssert.Violates(decision.ThrowIfRefused, "pool.claim-cooldown");
        violation.Arguments.ShouldBe([RecycledAt.AddDays(30)]);
    }

    [Fact]
    public void WhenCountsNegative_RefusesWithCountNegative() =>
        RuleAssert.Violates(() => PoolRules.CanClaim(Policy, Facts(owned: -1), RecycledAt), "pool.count-negative");
}

public class PoolRulesCanLockTests
{
    [Fact]
    public void WhenBelowTheLimit_IsAllowed() =>
        PoolRules.CanLock(Policy(maxLocked: 3), 2).IsAllowed.ShouldBeTrue();

    [Fact]
    public void WhenAtTheLimit_RefusesWithLockLimitReached() =>
        PoolRules.CanLock(Policy(maxLocked: 3), 3).Refusal!.Code.ShouldBe("pool.lock-limit-reached");

    [Fact]
    public void WhenLimitIsZero_RefusesEveryLock() =>
        PoolRules.CanLock(Policy(maxLocked: 0), 0).IsAllowed.ShouldBeFalse();

    [Fact]
    public void WhenCountNegative_RefusesWithCountNegative() =>
        RuleAssert.Violates(() => PoolRules.CanLock(Policy(), -1), "pool.count-negative");
}

public class PoolRulesCanAssignTests
{
    [Fact]
    public void WhenOneBelowCapacity_IsAllowed() =>
        PoolRules.CanAssign(49, 50).IsAllowed.ShouldBeTrue();

    [Theory]
    [InlineData(50)]
    [InlineData(51)]
    public void WhenAtOrAboveCapacity_RefusesWithCapacityReached(int owned)
    {
        var decision = PoolRules.CanAssign(owned, 50);

        decision.Refusal!.Code.ShouldBe("pool.capacity-reached");
        RuleAssert.Violates(decision.ThrowIfRefused, "pool.capacity-reached");
    }

    [Fact]
    public void WhenUsingTheRegionsCapacity_RegionOverridesTheDefault()
    {
        var region = RegionId.New();
        var policy = Policy(capacity: 100, regions: new() { [region] = 10 });

        PoolRules.CanAssign(10, policy.CapacityFor(region)).IsAllowed.ShouldBeFalse();
        PoolRules.CanAssign(10, policy.CapacityFor(RegionId.New())).IsAllowed.ShouldBeTrue();
    }
}

public class PoolRulesFollowUpAfterClaimDueTests
{
    private static readonly DateTimeOffset ApprovedAt = Moments.Now;
    private static readonly PoolPolicy Policy = PoolPolicyBuilder.Policy(followUpDays: 3);

    [Fact]
    public void WhenOneTickBeforeTheDeadline_IsNotOverdue()
    {
        var decision = PoolRules.FollowUpAfterClaimDue(Policy, ApprovedAt, false, ApprovedAt.AddDays(3).AddTicks(-1));

        decision.DueAt.ShouldBe(ApprovedAt.AddDays(3));
        decision.IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public void WhenExactlyAtTheDeadlineWithoutFollowUp_IsOverdue() =>
        PoolRules.FollowUpAfterClaimDue(Policy, ApprovedAt, false, ApprovedAt.AddDays(3)).IsOverdue.ShouldBeTrue();

    [Fact]
    public void WhenFollowedUp_IsNeverOverdue() =>
        PoolRules.FollowUpAfterClaimDue(Policy, ApprovedAt, true, ApprovedAt.AddDays(30)).IsOverdue.ShouldBeFalse();
}

public class PoolRulesSpreadEvenlyTests
{
    private static List<CustomerId> Customers(int count) =>
        Enumerable.Range(1, count).Select(i => new CustomerId(new Guid(i, 0, 0, new byte[8]))).ToList();

    private static List<UserId> Reps(int count) =>
        Enumerable.Range(1, count).Select(i => new UserId(new Guid(0, (short)i, 0, new byte[8]))).ToList();

    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 3)]
    [InlineData(10, 3)]
    [InlineData(17, 5)]
    [InlineData(100, 7)]
    [InlineData(3, 10)]
    public void WhenSpread_EveryCustomerOnceAndCountsDifferByAtMostOne(int customerCount, int repCount)
    {
        var customers = Customers(customerCount);
        var reps = Reps(repCount);

        var spread = PoolRules.SpreadEvenly(customers, reps, seed: 42);

        spread.Keys.ShouldBe(customers, ignoreOrder: true);
        spread.Values.ShouldAllBe(rep => reps.Contains(rep));
        var counts = reps.Select(rep => spread.Values.Count(v => v == rep)).ToList();
        (counts.Max() - counts.Min()).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void WhenSameSeed_SameSpread()
    {
        var customers = Customers(23);
        var reps = Reps(4);

        PoolRules.SpreadEvenly(customers, reps, 7).ShouldBe(PoolRules.SpreadEvenly(customers, reps, 7));
    }

    [Fact]
    public void WhenDifferentSeeds_SpreadsDiffer()
    {
        var customers = Customers(30);
        var reps = Reps(3);

        PoolRules.SpreadEvenly(customers, reps, 1).ShouldNotBe(PoolRules.SpreadEvenly(customers, reps, 2));
    }

    [Fact]
    public void WhenSpread_IsNotSimplyRoundRobinInInputOrder()
    {
        var customers = Customers(30);
        var reps = Reps(3);
        var roundRobin = customers.Select((c, i) => (c, reps[i % 3])).ToDictionary(x => x.c, x => x.Item2);

        PoolRules.SpreadEvenly(customers, reps, 42).ShouldNotBe(roundRobin);
    }

    [Fact]
    public void WhenNoReps_RefusesWithNoReps() =>
        RuleAssert.Violates(() => PoolRules.SpreadEvenly(Customers(3), [], 1), "pool.spread-no-reps");

    [Fact]
    public void WhenACustomerIsListedTwice_RefusesWithDuplicate()
    {
        var customers = Customers(3);
        customers.Add(customers[0]);

        RuleAssert.Violates(() => PoolRules.SpreadEvenly(customers, Reps(2), 1), "pool.spread-duplicate");
    }

    [Fact]
    public void WhenARepIsListedTwice_RefusesWithDuplicate()
    {
        var reps = Reps(2);
        reps.Add(reps[0]);

        RuleAssert.Violates(() => PoolRules.SpreadEvenly(Customers(3), reps, 1), "pool.spread-duplicate");
    }
}
