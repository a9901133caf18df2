using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class ScoringInputsCreateTests
{
    [Fact]
    public void WhenValid_KeepsEveryInputAndComparesByValue()
    {
        var inputs = ScoringInputs.Create(2, BudgetStatus.Confirmed, DecisionMakerLevel.Manager, Urgency.High, true);

        inputs.IndustryMatch.ShouldBe(2);
        inputs.Budget.ShouldBe(BudgetStatus.Confirmed);
        inputs.DecisionMakerLevel.ShouldBe(DecisionMakerLevel.Manager);
        inputs.Urgency.ShouldBe(Urgency.High);
        inputs.IsRepeatCustomer.ShouldBeTrue();
        inputs.ShouldBe(ScoringInputs.Create(2, BudgetStatus.Confirmed, DecisionMakerLevel.Manager, Urgency.High, true));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4)]
    public void WhenIndustryMatchOutside0To3_RefusesWithOutOfRange(int level) =>
        Pipeline.Refused(() => ScoringInputs.Create(level, BudgetStatus.Unknown, DecisionMakerLevel.Staff, Urgency.Low, false))
            .Code.ShouldBe("scoring.industry-match-out-of-range");

    [Fact]
    public void WhenBudgetUndefined_RefusesWithBudgetInvalid() =>
        Pipeline.Refused(() => ScoringInputs.Create(1, (BudgetStatus)9, DecisionMakerLevel.Staff, Urgency.Low, false)).Code.ShouldBe("scoring.budget-invalid");

    [Fact]
    public void WhenDecisionMakerUndefined_RefusesWithDecisionMakerInvalid() =>
        Pipeline.Refused(() => ScoringInputs.Create(1, BudgetStatus.None, (DecisionMakerLevel)9, Urgency.Low, false))
            .Code.ShouldBe("scoring.decision-maker-invalid");

    [Fact]
    public void WhenUrgencyUndefined_RefusesWithUrgencyInvalid() =>
        Pipeline.Refused(() => ScoringInputs.Create(1, BudgetStatus.None, DecisionMakerLevel.Staff, (Urgency)9, false)).Code.ShouldBe("scoring.urgency-invalid");
}
