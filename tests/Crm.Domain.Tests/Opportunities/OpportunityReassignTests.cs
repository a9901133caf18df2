using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityReassignTests
{
    private static readonly DateTimeOffset Later = Pipeline.Start.AddDays(1);

    [Fact]
    public void WhenNewOwner_ChangesOwnerAndRaisesReassigned()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.Reassign(Pipeline.OtherRep, Pipeline.Manager, Later);

        opportunity.OwnerId.ShouldBe(Pipeline.OtherRep);
        var reassigned = opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityReassigned>();
        reassigned.PreviousOwnerId.ShouldBe(Pipeline.Rep);
        reassigned.OwnerId.ShouldBe(Pipeline.OtherRep);
        reassigned.ActorId.ShouldBe(Pipeline.Manager);
    }

    [Fact]
    public void WhenSameOwner_RaisesNothing()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.Reassign(Pipeline.Rep, Pipeline.Manager, Later);

        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenWon_StillHandsItOver()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Won).Build();

        opportunity.Reassign(Pipeline.OtherRep, Pipeline.Manager, Later);

        opportunity.OwnerId.ShouldBe(Pipeline.OtherRep);
    }
}
