using Crm.Domain.Customers.Pool;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Customers.Pool;

public class TierPolicyCreateTests
{
    [Fact]
    public void WhenValid_KeepsValues()
    {
        var tier = TierPolicy.Create(30, 5, 2);

        tier.RecycleAfterDays.ShouldBe(30);
        tier.OwnerReminderDaysBefore.ShouldBe(5);
        tier.ManagerReminderDaysBefore.ShouldBe(2);
    }

    [Theory]
    [InlineData(3, 2, 1)]
    [InlineData(TierPolicy.MaxRecycleDays, TierPolicy.MaxRecycleDays - 1, TierPolicy.MaxRecycleDays - 2)]
    public void WhenAtTheBoundaries_Accepts(int recycle, int owner, int manager) =>
        Should.NotThrow(() => TierPolicy.Create(recycle, owner, manager));

    [Theory]
    [InlineData(0)]
    [InlineData(TierPolicy.MaxRecycleDays + 1)]
    public void WhenRecycleDaysOutOfRange_Refuses(int recycle) =>
        RuleAssert.Violates(() => TierPolicy.Create(recycle, 2, 1), "pool-policy.recycle-days-out-of-range");

    [Theory]
    [InlineData(30, 5, 0)]
    [InlineData(30, 5, 5)]
    [InlineData(30, 2, 5)]
    [InlineData(30, 30, 2)]
    [InlineData(30, 31, 2)]
    public void WhenRemindersOutOfOrder_RefusesWithRemindersInvalid(int recycle, int owner, int manager) =>
        RuleAssert.Violates(() => TierPolicy.Create(recycle, owner, manager), "pool-policy.reminders-invalid");
}

public class TierNamesCreateTests
{
    private static Dictionary<CustomerTier, string> Names() => new()
    {
        [CustomerTier.A] = " 战略 ",
        [CustomerTier.B] = "重点",
        [CustomerTier.C] = "普通",
        [CustomerTier.D] = "潜力",
        [CustomerTier.E] = "低价值",
    };

    [Fact]
    public void WhenDefault_NamesAreTheLetters()
    {
        TierNames.Default.NameOf(CustomerTier.A).ShouldBe("A");
        TierNames.Default.NameOf(CustomerTier.E).ShouldBe("E");
    }

    [Fact]
    public void WhenAllFiveNamed_KeepsTrimmedNames()
    {
        var names = TierNames.Create(Names());

        names.NameOf(CustomerTier.A).ShouldBe("战略");
        names.NameOf(CustomerTier.E).ShouldBe("低价值");
        names.ShouldBe(TierNames.Create(Names()));
    }

    [Fact]
    public void WhenATierUnnamed_RefusesWithNameMissing()
    {
        var names = Names();
        names.Remove(CustomerTier.C);

        RuleAssert.Violates(() => TierNames.Create(names), "pool-policy.tier-name-missing");
    }

    [Fact]
    public void WhenANameIsBlank_RefusesWithNameRequired()
    {
        var names = Names();
        names[CustomerTier.B] = "  ";

        RuleAssert.Violates(() => TierNames.Create(names), "pool-policy.tier-name-required");
    }

    [Fact]
    public void WhenANameIsTooLong_RefusesWithNameTooLong()
    {
        var names = Names();
        names[CustomerTier.B] = new string('x', TierNames.MaxNameLength + 1);

        RuleAssert.Violates(() => TierNames.Create(names), "pool-policy.tier-name-too-long");
    }

    [Fact]
    public void WhenTwoTiersShareAName_RefusesWithDuplicate()
    {
        var names = Names();
        names[CustomerTier.D] = "重点";

        RuleAssert.Violates(() => TierNames.Create(names), "pool-policy.tier-name-duplicate");
    }

    [Fact]
    public void WhenAnUndefinedTierIsNamed_RefusesWithTierInvalid()
    {
        var names = Names();
        names[(CustomerTier)6] = "F";

        RuleAssert.Violates(() => TierNames.Create(names), "pool.tier-invalid");
    }
}
