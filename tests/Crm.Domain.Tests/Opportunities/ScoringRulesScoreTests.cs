using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class ScoringRulesScoreTests
{
    private static readonly ScoringInputs Worst = ScoringInputs.Create(0, BudgetStatus.None, DecisionMakerLevel.Staff, Urgency.Low, false);
    private static readonly ScoringInputs Best = ScoringInputs.Create(3, BudgetStatus.Confirmed, DecisionMakerLevel.Executive, Urgency.High, true);

    [Fact]
    public void WhenEverythingIsBest_Scores100() => ScoringRules.Default.Score(Best).ShouldBe(100);

    [Fact]
    public void WhenEverythingIsWorst_Scores0() => ScoringRules.Default.Score(Worst).ShouldBe(0);

    [Fact]
    public void WhenNothingIsKnown_ScoresHalfTheBudgetWeightRoundedUp() =>
        ScoringRules.Default.Score(ScoringInputs.Unknown).ShouldBe(13); // 25 × ½ = 12.5, rounded half away from zero

    [Fact]
    public void WhenDefaultWeights_AddsEachFactorsShare()
    {
        // industry 2/3 × 25 = 16.67, budget confirmed 25, manager ½ × 20 = 10, urgency medium ½ × 20 = 10, repeat 10 → 71.67
        var inputs = ScoringInputs.Create(2, BudgetStatus.Confirmed, DecisionMakerLevel.Manager, Urgency.Medium, true);

        ScoringRules.Default.Score(inputs).ShouldBe(72);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 33)]
    [InlineData(2, 67)]
    [InlineData(3, 100)]
    public void WhenOnlyIndustryMatchIsWeighted_ScoresItsLevelInThirds(int level, int expected)
    {
        var rules = ScoringRules.Create(100, 0, 0, 0, 0);

        rules.Score(ScoringInputs.Create(level, BudgetStatus.Confirmed, DecisionMakerLevel.Executive, Urgency.High, true)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(BudgetStatus.None, 0)]
    [InlineData(BudgetStatus.Unknown, 50)]
    [InlineData(BudgetStatus.Confirmed, 100)]
    public void WhenOnlyBudgetIsWeighted_ScoresNoneUnknownConfirmed(BudgetStatus budget, int expected) =>
        ScoringRules.Create(0, 100, 0, 0, 0).Score(ScoringInputs.Create(3, budget, DecisionMakerLevel.Executive, Urgency.High, true)).ShouldBe(expected);

    [Theory]
    [InlineData(DecisionMakerLevel.Staff, 0)]
    [InlineData(DecisionMakerLevel.Manager, 50)]
    [InlineData(DecisionMakerLevel.Executive, 100)]
    public void WhenOnlyDecisionMakerIsWeighted_ScoresByLevel(DecisionMakerLevel level, int expected) =>
        ScoringRules.Create(0, 0, 100, 0, 0).Score(ScoringInputs.Create(0, BudgetStatus.None, level, Urgency.Low, false)).ShouldBe(expected);

    [Theory]
    [InlineData(Urgency.Low, 0)]
    [InlineData(Urgency.Medium, 50)]
    [InlineData(Urgency.High, 100)]
    public void WhenOnlyUrgencyIsWeighted_ScoresByUrgency(Urgency urgency, int expected) =>
        ScoringRules.Create(0, 0, 0, 100, 0).Score(ScoringInputs.Create(0, BudgetStatus.None, DecisionMakerLevel.Staff, urgency, false)).ShouldBe(expected);

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 100)]
    public void WhenOnlyRepeatCustomerIsWeighted_ScoresAllOrNothing(bool repeat, int expected) =>
        ScoringRules.Create(0, 0, 0, 0, 100).Score(ScoringInputs.Create(0, BudgetStatus.None, DecisionMakerLevel.Staff, Urgency.Low, repeat)).ShouldBe(expected);

    [Fact]
    public void WhenAnyCombination_StaysWithin0And100()
    {
        var rules = ScoringRules.Create(34, 33, 11, 11, 11);
        var scores =
            from level in Enumerable.Range(0, ScoringInputs.MaxIndustryMatch + 1)
            from budget in Enum.GetValues<BudgetStatus>()
            from maker in Enum.GetValues<DecisionMakerLevel>()
            from urgency in Enum.GetValues<Urgency>()
            from repeat in new[] { false, true }
            select rules.Score(ScoringInputs.Create(level, budget, maker, urgency, repeat));

        scores.ShouldAllBe(s => s >= 0 && s <= 100);
        rules.Score(Best).ShouldBe(100);
        rules.Score(Worst).ShouldBe(0);
    }
}
