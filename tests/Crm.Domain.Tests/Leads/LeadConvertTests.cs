using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadConvertTests
{
    [Fact]
    public void WhenConverted_RecordsWhatItBecameInOneStep()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.FollowingUp).Build();

        lead.Convert(LeadPool.Customer, LeadPool.Contact, LeadPool.Opportunity, LeadPool.Rep, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Converted);
        lead.ConvertedCustomerId.ShouldBe(LeadPool.Customer);
        lead.ConvertedContactId.ShouldBe(LeadPool.Contact);
        lead.ConvertedOpportunityId.ShouldBe(LeadPool.Opportunity);
        lead.ConvertedAt.ShouldBe(LeadPool.Later);
        lead.StatusHistory.Last().To.ShouldBe(LeadStatus.Converted);
        var converted = LeadPool.Single<LeadConverted>(lead);
        converted.ShouldBe(new LeadConverted(
            lead.Id, LeadPool.Tenant, LeadPool.Customer, LeadPool.Contact, LeadPool.Opportunity, LeadPool.Rep, LeadPool.Later)
        {
            EventId = converted.EventId,
        });
    }

    [Fact]
    public void WhenNoOpportunityIsOpened_ConvertsToCustomerAndContactOnly()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();

        lead.Convert(LeadPool.Customer, LeadPool.Contact, null, LeadPool.Rep, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Converted);
        lead.ConvertedOpportunityId.ShouldBeNull();
        LeadPool.Single<LeadConverted>(lead).OpportunityId.ShouldBeNull();
    }

    [Fact]
    public void WhenRetriedWithTheSameRecords_ChangesNothingAndRaisesNothing()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Converted).Build();

        lead.Convert(LeadPool.Customer, LeadPool.Contact, null, LeadPool.Rep, LeadPool.Later);

        lead.ConvertedAt.ShouldBe(LeadPool.Start);
        lead.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenConvertedAgainIntoOtherRecords_RefusesWithCannotConvertConverted()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Converted).Build();

        RuleAssert.Violates(
            () => lead.Convert(CustomerId.New(), LeadPool.Contact, OpportunityId.New(), LeadPool.Rep, LeadPool.Later),
            "lead.cannot-convert-converted");

        lead.ConvertedCustomerId.ShouldBe(LeadPool.Customer);
    }

    [Fact]
    public void WhenVoided_RefusesWithMessageNamingTheStatus()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Voided).Build();

        var refusal = RuleAssert.Violates(
            () => lead.Convert(LeadPool.Customer, LeadPool.Contact, null, LeadPool.Rep, LeadPool.Later), "lead.cannot-convert-voided");

        refusal.Message.ShouldBe("A lead that is Voided cannot convert.");
    }
}
