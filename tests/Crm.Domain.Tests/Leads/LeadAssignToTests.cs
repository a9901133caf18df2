using Crm.Domain.Leads;

namespace Crm.Domain.Tests.Leads;

public class LeadAssignToTests
{
    [Fact]
    public void WhenAssignedFromThePool_BecomesPendingWithTheRepAndRecordsIt()
    {
        var lead = new LeadBuilder().Build();

        lead.AssignTo(LeadPool.Rep, LeadPool.Manager, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.OwnerId.ShouldBe(LeadPool.Rep);
        lead.AssignedAt.ShouldBe(LeadPool.Later);
        var change = lead.StatusHistory.ShouldHaveSingleItem();
        change.From.ShouldBe(LeadStatus.Unassigned);
        change.To.ShouldBe(LeadStatus.Pending);
        change.ById.ShouldBe(LeadPool.Manager);
        var assigned = LeadPool.Single<LeadAssigned>(lead);
        assigned.ShouldBe(new LeadAssigned(lead.Id, LeadPool.Tenant, LeadStatus.Unassigned, null, LeadPool.Rep, LeadPool.Manager, LeadPool.Later)
        {
            EventId = assigned.EventId,
        });
    }

    [Fact]
    public void WhenHandedOverWhileFollowingUp_NewRepStartsAtPending()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.FollowingUp).Build();

        lead.AssignTo(LeadPool.OtherRep, LeadPool.Manager, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.OwnerId.ShouldBe(LeadPool.OtherRep);
        var assigned = LeadPool.Single<LeadAssigned>(lead);
        assigned.From.ShouldBe(LeadStatus.FollowingUp);
        assigned.PreviousOwnerId.ShouldBe(LeadPool.Rep);
    }

    [Fact]
    public void WhenHandedOverWhilePending_ChangesOwnerWithoutAStatusChange()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        lead.AssignTo(LeadPool.OtherRep, LeadPool.Manager, LeadPool.Later);

        lead.OwnerId.ShouldBe(LeadPool.OtherRep);
        lead.AssignedAt.ShouldBe(LeadPool.Later);
        lead.StatusHistory.ShouldBeEmpty();
        LeadPool.Single<LeadAssigned>(lead).PreviousOwnerId.ShouldBe(LeadPool.Rep);
    }
}
