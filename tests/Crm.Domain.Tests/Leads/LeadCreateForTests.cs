using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadCreateForTests
{
    [Fact]
    public void WhenRepCreatesALead_ItIsTheirsAndPending()
    {
        var lead = Lead.CreateFor(
            LeadPool.Rep, LeadId.New(), LeadPool.Tenant, LeadPool.Shop, "李娜", null, "13900139000", null, SourceChannel.Referral, LeadPool.Start);

        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.OwnerId.ShouldBe(LeadPool.Rep);
        lead.AssignedAt.ShouldBe(LeadPool.Start);
        lead.StatusHistory.ShouldBeEmpty();
        var captured = LeadPool.Single<LeadCaptured>(lead);
        captured.Status.ShouldBe(LeadStatus.Pending);
        captured.OwnerId.ShouldBe(LeadPool.Rep);
        captured.Source.ShouldBe(SourceChannel.Referral);
    }

    [Fact]
    public void WhenNameIsMissing_RefusesLikeCapture() =>
        RuleAssert.Violates(
            () => Lead.CreateFor(LeadPool.Rep, LeadId.New(), LeadPool.Tenant, LeadPool.Shop, null!, null, null, null, SourceChannel.Phone, LeadPool.Start),
            "lead.name-required");
}
