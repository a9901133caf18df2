using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class StageBlueprintMissingForTests
{
    [Fact]
    public void WhenSummaryMissing_ListsNeedsSummaryForProposal()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.NeedsAnalysis).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Proposal).ShouldBe([StageRequirement.NeedsSummary]);
    }

    [Fact]
    public void WhenSummaryAndAmountMissing_ListsBothForNegotiation()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Negotiation)
            .ShouldBe([StageRequirement.NeedsSummary, StageRequirement.PositiveAmount]);
    }

    [Fact]
    public void WhenOnlyAmountMissing_ListsAmountForWon()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).InStage(OpportunityStage.Proposal).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Won).ShouldBe([StageRequirement.PositiveAmount]);
    }

    [Fact]
    public void WhenTargetIsLost_ListsLostReasonOnly()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Lost).ShouldBe([StageRequirement.LostReason]);
    }

    [Fact]
    public void WhenEverythingIsThere_ListsNothing()
    {
        var opportunity = new OpportunityBuilder().WithAmount(10_000m).InStage(OpportunityStage.Proposal).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Negotiation).ShouldBeEmpty();
        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Won).ShouldBeEmpty();
    }

    [Fact]
    public void WhenTargetIsTheCurrentStage_ListsNothing()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Lost).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Lost).ShouldBeEmpty();
    }

    [Fact]
    public void WhenMovingBackToAnUngatedStage_ListsNothing()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.NeedsAnalysis).ShouldBeEmpty();
    }

    [Fact]
    public void WhenCalled_DoesNotChangeTheOpportunity()
    {
        var opportunity = new OpportunityBuilder().Build();

        StageBlueprint.Default.MissingFor(opportunity, OpportunityStage.Won);

        opportunity.Stage.ShouldBe(OpportunityStage.Lead);
        opportunity.DomainEvents.ShouldBeEmpty();
    }
}
