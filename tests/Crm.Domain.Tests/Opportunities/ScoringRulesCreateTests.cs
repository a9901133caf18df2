using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class ScoringRulesCreateTests
{
    [Fact]
    public void WhenValid_KeepsWeightsAndThresholds()
    {
        var rules = ScoringRules.Create(10, 20, 30, 30, 10, aThreshold: 80, bThreshold: 50);

        rules.IndustryMatchWeight.ShouldBe(10);
        rules.BudgetWeight.ShouldBe(20);
        rules.DecisionMakerWeight.ShouldBe(30);
        rules.UrgencyWeight.ShouldBe(30);
        rules.RepeatCustomerWeight.ShouldBe(10);
        rules.AThreshold.ShouldBe(80);
        rules.BThreshold.ShouldBe(50);
        rules.ShouldBe(ScoringRules.Create(10, 20, 30, 30, 10, 80, 50));
    }

    [Fact]
    public void WhenDefault_WeightsAddUpTo100WithThresholds70And40()
    {
        var rules = ScoringRules.Default;

        (rules.IndustryMatchWeight + rules.BudgetWeight + rules.DecisionMakerWeight + rules.UrgencyWeight + rules.RepeatCustomerWeight).ShouldBe(100);
        rules.AThreshold.ShouldBe(70);
        rules.BThreshold.ShouldBe(40);
    }

    [Fact]
    public void WhenAWeightIsNegative_RefusesWithWeightNegative() =>
        Pipeline.Refused(() => ScoringRules.Create(-10, 40, 30, 30, 10)).Code.ShouldBe("scoring.weight-negative");

    [Theory]
    [InlineData(20, 20, 20, 20, 19)]
    [InlineData(20, 20, 20, 20, 21)]
    public void WhenWeightsDoNotAddUpTo100_RefusesWithWeightsSum(int industry, int budget, int maker, int urgency, int repeat) =>
        Pipeline.Refused(() => ScoringRules.Create(industry, budget, maker, urgency, repeat)).Code.ShouldBe("scoring.weights-sum");

    [Theory]
    [InlineData(40, 40)]
    [InlineData(40, 70)]
    [InlineData(101, 40)]
    [InlineData(70, 0)]
    public void WhenThresholdsAreNotZeroBelowBBelowAUpTo100_RefusesWithThresholdsInvalid(int a, int b) =>
        Pipeline.Refused(() => ScoringRules.Create(20, 20, 20, 20, 20, a, b)).Code.ShouldBe("scoring.thresholds-invalid");
}
