using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityIsStaleTests
{
    [Fact]
    public void WhenNoFollowUpForMoreThanSevenDays_IsStale()
    {
        var clock = Pipeline.Clock();
        var opportunity = new OpportunityBuilder().OpenedAt(clock.GetUtcNow()).Build();

        clock.Advance(TimeSpan.FromDays(7));
        opportunity.IsStale(StaleRule.Default, clock.GetUtcNow()).ShouldBeFalse();

        clock.Advance(TimeSpan.FromSeconds(1));
        opportunity.IsStale(StaleRule.Default, clock.GetUtcNow()).ShouldBeTrue();
    }

    [Fact]
    public void WhenFollowedUpWithinTheDays_IsNotStale()
    {
        var clock = Pipeline.Clock();
        var opportunity = new OpportunityBuilder().OpenedAt(clock.GetUtcNow()).Build();
        clock.Advance(TimeSpan.FromDays(5));
        opportunity.RecordFollowUp(FollowUpId.New(), clock.GetUtcNow(), FollowUpChannel.Call, "Checked in.", null, Pipeline.Rep, clock.GetUtcNow());

        clock.Advance(TimeSpan.FromDays(6));

        opportunity.IsStale(StaleRule.Default, clock.GetUtcNow()).ShouldBeFalse();
    }

    [Fact]
    public void WhenTheOnlyFollowUpIsOlderThanTheOpening_CountsFromTheOpening()
    {
        var clock = Pipeline.Clock();
        var opportunity = new OpportunityBuilder().OpenedAt(clock.GetUtcNow()).Build();
        var now = clock.GetUtcNow();
        opportunity.RecordFollowUp(FollowUpId.New(), now.AddDays(-30), FollowUpChannel.Visit, "Met at the trade show.", null, Pipeline.Rep, now);

        opportunity.IsStale(StaleRule.Default, now.AddDays(1)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(OpportunityStage.Won)]
    [InlineData(OpportunityStage.Lost)]
    public void WhenClosed_IsNeverStale(OpportunityStage closed)
    {
        var opportunity = new OpportunityBuilder().InStage(closed).Build();

        opportunity.IsStale(StaleRule.Default, Pipeline.Start.AddDays(90)).ShouldBeFalse();
    }

    [Fact]
    public void WhenTheTenantUsesThreeDays_IsStaleAfterThree()
    {
        var opportunity = new OpportunityBuilder().Build();
        var rule = StaleRule.Create(3);

        opportunity.IsStale(rule, Pipeline.Start.AddDays(3).AddMinutes(1)).ShouldBeTrue();
        opportunity.IsStale(StaleRule.Default, Pipeline.Start.AddDays(3).AddMinutes(1)).ShouldBeFalse();
    }
}
