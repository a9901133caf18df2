using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityDaysSinceFollowUpTests
{
    [Fact]
    public void WhenNoFollowUp_CountsWholeDaysSinceTheOpening()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.DaysSinceFollowUp(Pipeline.Start.AddDays(3).AddHours(23)).ShouldBe(3);
    }

    [Fact]
    public void WhenFollowedUp_CountsFromTheLatestFollowUp()
    {
        var opportunity = new OpportunityBuilder().Build();
        var at = Pipeline.Start.AddDays(10);
        opportunity.RecordFollowUp(FollowUpId.New(), at, FollowUpChannel.Meeting, "Met the purchasing director.", null, Pipeline.Rep, at);

        opportunity.DaysSinceFollowUp(at.AddDays(2)).ShouldBe(2);
    }

    [Fact]
    public void WhenNowIsBeforeTheLastActivity_IsZero()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.DaysSinceFollowUp(Pipeline.Start.AddDays(-2)).ShouldBe(0);
    }
}
