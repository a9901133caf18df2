using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadRestoreTests
{
    [Fact]
    public void WhenAdminRestores_GoesBackToThePoolWithoutOwnerOrReason()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Pending).Build();
        lead.Void("Looked like spam.", LeadPool.Manager, LeadPool.Start);
        lead.ClearDomainEvents();

        lead.Restore(LeadPool.Admin, actorIsAdmin: true, LeadPool.Later);

        lead.Status.ShouldBe(LeadStatus.Unassigned);
        lead.OwnerId.ShouldBeNull();
        lead.AssignedAt.ShouldBeNull();
        lead.StatusReason.ShouldBeNull();
        lead.StatusHistory.Last().ById.ShouldBe(LeadPool.Admin);
        var restored = LeadPool.Single<LeadRestored>(lead);
        restored.ShouldBe(new LeadRestored(lead.Id, LeadPool.Tenant, LeadPool.Admin, LeadPool.Later) { EventId = restored.EventId });
    }

    [Fact]
    public void WhenNotAnAdmin_RefusesWithRestoreRequiresAdminAndStaysVoided()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Voided).Build();

        RuleAssert.Violates(() => lead.Restore(LeadPool.Manager, actorIsAdmin: false, LeadPool.Later), "lead.restore-requires-admin");

        lead.Status.ShouldBe(LeadStatus.Voided);
        lead.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenNotVoided_RefusesForTheStatusEvenForAnAdmin()
    {
        var lead = new LeadBuilder().InStatus(LeadStatus.Invalid).Build();

        RuleAssert.Violates(() => lead.Restore(LeadPool.Admin, actorIsAdmin: true, LeadPool.Later), "lead.cannot-restore-invalid");
    }
}
