using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class StageBlueprintDefaultTests
{
    [Theory]
    [InlineData(OpportunityStage.Lead, 5)]
    [InlineData(OpportunityStage.FirstContact, 10)]
    [InlineData(OpportunityStage.NeedsAnalysis, 25)]
    [InlineData(OpportunityStage.Proposal, 50)]
    [InlineData(OpportunityStage.Negotiation, 75)]
    [InlineData(OpportunityStage.Won, 100)]
    [InlineData(OpportunityStage.Lost, 0)]
    public void WhenAskedForProbability_GivesTheDefaultPercent(OpportunityStage stage, int percent) =>
        StageBlueprint.Default.ProbabilityOf(stage).ShouldBe(percent);

    [Theory]
    [InlineData(OpportunityStage.Lead, new StageRequirement[0])]
    [InlineData(OpportunityStage.FirstContact, new StageRequirement[0])]
    [InlineData(OpportunityStage.NeedsAnalysis, new StageRequirement[0])]
    [InlineData(OpportunityStage.Proposal, new[] { StageRequirement.NeedsSummary })]
    [InlineData(OpportunityStage.Negotiation, new[] { StageRequirement.NeedsSummary, StageRequirement.PositiveAmount })]
    [InlineData(OpportunityStage.Won, new[] { StageRequirement.NeedsSummary, StageRequirement.PositiveAmount })]
    [InlineData(OpportunityStage.Lost, new[] { StageRequirement.LostReason })]
    public void WhenEnteringAStage_RequiresItsGatesAndThoseOfTheOpenStagesBefore(OpportunityStage stage, StageRequirement[] expected) =>
        StageBlueprint.Default.RequirementsFor(stage).ShouldBe(expected);
}
