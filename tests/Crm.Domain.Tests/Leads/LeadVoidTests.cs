using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadVoidTests
{
    [Fact]
    public void WhenVoided_KeepsTheReasonAndRaisesVoided()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        lead.Void("Test entry.", LeadPool.Manager, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Voided);
        lead.StatusReason.ShouldBe("Test entry.");
        var voided = LeadPool.Single<LeadVoided>(lead);
        voided.ShouldBe(new LeadVoided(lead.Id, LeadPool.Tenant, LeadStatus.Pending, "Test entry.", LeadPool.Manager, LeadPool.Later)
        {
            EventId = voided.EventId,
        });
    }

    [Fact]
    public void WhenReasonIsMissing_RefusesWithReasonRequired()
    {
        var lead = new LeadBuilder().Build();

        RuleAssert.Violates(() => lead.Void(null!, LeadPool.Manager, LeadPool.Later), "lead.reason-required");

        lead.Status.ShouldBe(LeadStatus.Unassigned);
    }

    [Fact]
    public void WhenReasonIsTooLong_RefusesWithReasonTooLong()
    {
        var lead = new LeadBuilder().Build();

        RuleAssert.Violates(() => lead.Void(new string('v', LeadLimits.ReasonMaxLength + 1), LeadPool.Manager, LeadPool.Later), "lead.reason-too-long");
    }
}
