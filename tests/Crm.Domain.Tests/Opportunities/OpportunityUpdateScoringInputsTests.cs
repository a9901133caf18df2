using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityUpdateScoringInputsTests
{
    private static readonly DateTimeOffset Later = Pipeline.Start.AddDays(1);

    [Fact]
    public void WhenScoreChanges_StoresInputsRecomputesAndRaisesScored()
    {
        var opportunity = new OpportunityBuilder().Build();
        var hot = ScoringInputs.Create(3, BudgetStatus.Confirmed, DecisionMakerLevel.Executive, Urgency.Medium, false);

        opportunity.UpdateScoringInputs(hot, ScoringRules.Default, Later);

        opportunity.ScoringInputs.ShouldBe(hot);
        opportunity.Score.ShouldBe(80);
        opportunity.Priority.ShouldBe(Priority.A);
        var scored = opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityScored>();
        scored.Score.ShouldBe(80);
        scored.Priority.ShouldBe(Priority.A);
        scored.PreviousScore.ShouldBe(13);
        scored.PreviousPriority.ShouldBe(Priority.C);
        scored.OccurredAt.ShouldBe(Later);
    }

    [Fact]
    public void WhenInputsChangeButScoreStaysTheSame_StoresInputsWithoutEvent()
    {
        var managerLowUrgency = ScoringInputs.Create(0, BudgetStatus.Unknown, DecisionMakerLevel.Manager, Urgency.Low, false);
        var staffMediumUrgency = ScoringInputs.Create(0, BudgetStatus.Unknown, DecisionMakerLevel.Staff, Urgency.Medium, false);
        var opportunity = new OpportunityBuilder().WithInputs(managerLowUrgency).Build();

        opportunity.UpdateScoringInputs(staffMediumUrgency, ScoringRules.Default, Later);

        opportunity.ScoringInputs.ShouldBe(staffMediumUrgency);
        opportunity.Score.ShouldBe(23);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenNothingChanges_RaisesNothing()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.UpdateScoringInputs(ScoringInputs.Unknown, ScoringRules.Default, Later);

        opportunity.Score.ShouldBe(13);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenOnlyThePriorityChanges_RaisesScored()
    {
        var inputs = ScoringInputs.Create(0, BudgetStatus.Confirmed, DecisionMakerLevel.Manager, Urgency.Medium, false); // 45
        var opportunity = new OpportunityBuilder().WithInputs(inputs).Build();
        opportunity.Priority.ShouldBe(Priority.B);

        opportunity.UpdateScoringInputs(inputs, ScoringRules.Create(25, 25, 20, 20, 10, aThreshold: 70, bThreshold: 50), Later);

        opportunity.Score.ShouldBe(45);
        opportunity.Priority.ShouldBe(Priority.C);
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityScored>().Priority.ShouldBe(Priority.C);
    }

    [Fact]
    public void WhenTheTenantChangesItsWeights_SameInputsAreRescored()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.UpdateScoringInputs(ScoringInputs.Unknown, ScoringRules.Create(0, 100, 0, 0, 0), Later);

        opportunity.Score.ShouldBe(50);
        opportunity.Priority.ShouldBe(Priority.B);
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityScored>();
    }

    [Theory]
    [InlineData(OpportunityStage.Won)]
    [InlineData(OpportunityStage.Lost)]
    public void WhenClosed_RefusesWithClosed(OpportunityStage closed)
    {
        var opportunity = new OpportunityBuilder().InStage(closed).Build();

        Pipeline.Refused(() => opportunity.UpdateScoringInputs(ScoringInputs.Unknown, ScoringRules.Create(0, 100, 0, 0, 0), Later))
            .Code.ShouldBe("opportunity.closed");
    }
}
