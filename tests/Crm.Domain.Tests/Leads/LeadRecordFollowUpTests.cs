using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadRecordFollowUpTests
{
    [Fact]
    public void WhenFirstFollowUpIsRecorded_StartsFollowingUpAndKeepsTheResult()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        lead.RecordFollowUp(" Visited the warehouse; needs 1200 pallets. ", LeadPool.Rep, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.FollowingUp);
        lead.LastFollowedUpAt.ShouldBe(LeadPool.Later);
        lead.LastFollowUpResult.ShouldBe("Visited the warehouse; needs 1200 pallets.");
        lead.StatusHistory.ShouldHaveSingleItem().ById.ShouldBe(LeadPool.Rep);
        var followedUp = LeadPool.Single<LeadFollowedUp>(lead);
        followedUp.ShouldBe(new LeadFollowedUp(lead.Id, LeadPool.Tenant, LeadStatus.Pending, LeadPool.Rep, LeadPool.Later)
        {
            EventId = followedUp.EventId,
        });
    }

    [Fact]
    public void WhenFollowingUpAgain_RecordsItWithoutAStatusChange()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.FollowingUp).Build();
        var history = lead.StatusHistory.Count;

        lead.RecordFollowUp("Sent a sample pallet.", LeadPool.Rep, LeadPool.Later);

        lead.LastFollowUpResult.ShouldBe("Sent a sample pallet.");
        lead.StatusHistory.Count.ShouldBe(history);
        LeadPool.Single<LeadFollowedUp>(lead).From.ShouldBe(LeadStatus.FollowingUp);
    }

    [Fact]
    public void WhenResultIsBlank_RefusesWithResultRequired()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        RuleAssert.Violates(() => lead.RecordFollowUp(" ", LeadPool.Rep, LeadPool.Later), "lead.follow-up-result-required");

        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenResultIsTooLong_RefusesWithResultTooLong()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        RuleAssert.Violates(
            () => lead.RecordFollowUp(new string('x', LeadLimits.FollowUpResultMaxLength + 1), LeadPool.Rep, LeadPool.Later),
            "lead.follow-up-result-too-long");
    }
}
