using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadMarkInvalidTests
{
    [Fact]
    public void WhenMarkedInvalid_KeepsTheOwnerAndTheReason()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.FollowingUp).Build();

        lead.MarkInvalid(" Phone switched off for a week. ", LeadPool.Rep, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Invalid);
        lead.OwnerId.ShouldBe(LeadPool.Rep);
        lead.StatusReason.ShouldBe("Phone switched off for a week.");
        lead.StatusHistory.Last().Reason.ShouldBe("Phone switched off for a week.");
        var invalid = LeadPool.Single<LeadMarkedInvalid>(lead);
        invalid.ShouldBe(new LeadMarkedInvalid(
            lead.Id, LeadPool.Tenant, LeadStatus.FollowingUp, "Phone switched off for a week.", LeadPool.Rep, LeadPool.Later)
        {
            EventId = invalid.EventId,
        });
    }

    [Fact]
    public void WhenReasonIsBlank_RefusesWithReasonRequired()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        RuleAssert.Violates(() => lead.MarkInvalid("", LeadPool.Rep, LeadPool.Later), "lead.reason-required");

        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.DomainEvents.ShouldBeEmpty();
    }
}
