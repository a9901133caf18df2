using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadReturnTests
{
    [Fact]
    public void WhenReturned_GoesBackToThePoolWithoutOwnerAndRaisesReturned()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.FollowingUp).Build();

        lead.Return(LeadPool.Rep, " Customer is in Shenzhen. ", LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Unassigned);
        lead.OwnerId.ShouldBeNull();
        lead.AssignedAt.ShouldBeNull();
        lead.StatusReason.ShouldBeNull();
        lead.StatusHistory.Last().Reason.ShouldBe("Customer is in Shenzhen.");
        var returned = LeadPool.Single<LeadReturned>(lead);
        returned.ShouldBe(new LeadReturned(
            lead.Id, LeadPool.Tenant, LeadStatus.FollowingUp, LeadPool.Rep, "Customer is in Shenzhen.", LeadPool.Rep, LeadPool.Later)
        {
            EventId = returned.EventId,
        });
    }

    [Fact]
    public void WhenNoReasonIsGiven_ReturnsAnyway()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        lead.Return(LeadPool.Rep, null, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Unassigned);
        LeadPool.Single<LeadReturned>(lead).Reason.ShouldBeNull();
    }

    [Fact]
    public void WhenReasonIsTooLong_RefusesWithReasonTooLong()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        RuleAssert.Violates(() => lead.Return(LeadPool.Rep, new string('r', LeadLimits.ReasonMaxLength + 1), LeadPool.Later), "lead.reason-too-long");

        lead.Status.ShouldBe(LeadStatus.Pending);
    }
}
