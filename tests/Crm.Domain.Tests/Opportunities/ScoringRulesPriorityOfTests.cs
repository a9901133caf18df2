using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class ScoringRulesPriorityOfTests
{
    [Theory]
    [InlineData(100, Priority.A)]
    [InlineData(70, Priority.A)]
    [InlineData(69, Priority.B)]
    [InlineData(40, Priority.B)]
    [InlineData(39, Priority.C)]
    [InlineData(0, Priority.C)]
    public void WhenDefaultThresholds_AFrom70AndBFrom40(int score, Priority expected) =>
        ScoringRules.Default.PriorityOf(score).ShouldBe(expected);

    [Theory]
    [InlineData(85, Priority.A)]
    [InlineData(84, Priority.B)]
    [InlineData(60, Priority.B)]
    [InlineData(59, Priority.C)]
    public void WhenCustomThresholds_UsesThem(int score, Priority expected) =>
        ScoringRules.Create(20, 20, 20, 20, 20, aThreshold: 85, bThreshold: 60).PriorityOf(score).ShouldBe(expected);

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void WhenScoreOutside0To100_RefusesWithOutOfRange(int score) =>
        Pipeline.Refused(() => ScoringRules.Default.PriorityOf(score)).Code.ShouldBe("scoring.score-out-of-range");
}
