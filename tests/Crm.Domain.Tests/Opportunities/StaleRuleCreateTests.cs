using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class StaleRuleCreateTests
{
    [Fact]
    public void WhenDefault_IsSevenDays()
    {
        StaleRule.Default.Days.ShouldBe(7);
        StaleRule.Default.Period.ShouldBe(TimeSpan.FromDays(7));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(StaleRule.MaxDays)]
    public void WhenDaysInRange_Keeps(int days) => StaleRule.Create(days).Days.ShouldBe(days);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(StaleRule.MaxDays + 1)]
    public void WhenDaysNotPositiveOrTooMany_RefusesWithOutOfRange(int days) =>
        Pipeline.Refused(() => StaleRule.Create(days)).Code.ShouldBe("stale-rule.days-out-of-range");
}
