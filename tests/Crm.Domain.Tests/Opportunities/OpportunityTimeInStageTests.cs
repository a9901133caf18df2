using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityTimeInStageTests
{
    [Fact]
    public void WhenNeverMoved_CountsFromTheOpening()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.TimeInStage(Pipeline.Start.AddHours(30)).ShouldBe(TimeSpan.FromHours(30));
    }

    [Fact]
    public void WhenMoved_CountsFromTheLastMove()
    {
        var opportunity = new OpportunityBuilder().Build();
        var movedAt = Pipeline.Start.AddDays(4);
        opportunity.MoveTo(OpportunityStage.FirstContact, Pipeline.Blueprint, Pipeline.Rep, false, movedAt);

        opportunity.TimeInStage(movedAt.AddDays(1)).ShouldBe(TimeSpan.FromDays(1));
    }

    [Fact]
    public void WhenNowIsBeforeTheMove_IsZero()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.TimeInStage(Pipeline.Start.AddDays(-1)).ShouldBe(TimeSpan.Zero);
    }
}
