using Crm.Domain.Leads;

namespace Crm.Domain.Tests.Leads;

public class LeadReviveTests
{
    [Fact]
    public void WhenRevived_FollowsUpAgainWithTheSameOwnerAndClearsTheReason()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Invalid).Build();

        lead.Revive(LeadPool.Rep, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.FollowingUp);
        lead.OwnerId.ShouldBe(LeadPool.Rep);
        lead.StatusReason.ShouldBeNull();
        var revived = LeadPool.Single<LeadRevived>(lead);
        revived.ShouldBe(new LeadRevived(lead.Id, LeadPool.Tenant, LeadPool.Rep, LeadPool.Rep, LeadPool.Later) { EventId = revived.EventId });
    }
}
