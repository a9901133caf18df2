using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantConfigureSlaTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ANewCompany_UsesTheDefaultHours()
    {
        var tenant = new TenantBuilder().Build();

        tenant.Sla.ShouldBe(SlaPolicy.Default);
        tenant.CustomSla.ShouldBeNull();
    }

    [Fact]
    public void WhenTheCompanySetsItsOwnHours_NewWorkOrdersAreDueByThem()
    {
        var tenant = new TenantBuilder().Build();
        tenant.ClearDomainEvents();

        tenant.ConfigureSla(SlaPolicy.Create(2, 8, 24, 96), Now);

        tenant.Sla.DueAt(Now, WorkOrderPriority.Urgent).ShouldBe(Now.AddHours(2));
        tenant.Sla.DueAt(Now, WorkOrderPriority.Low).ShouldBe(Now.AddHours(96));
        tenant.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<SlaConfigured>().TenantId.ShouldBe(tenant.Id);
    }

    [Fact]
    public void WhenTheDefaultsAreRestored_TheCompanyHasNoOwnHoursAgain()
    {
        var tenant = new TenantBuilder().Build();
        tenant.ConfigureSla(SlaPolicy.Create(2, 8, 24, 96), Now);

        tenant.ConfigureSla(SlaPolicy.Default, Now);

        tenant.CustomSla.ShouldBeNull();
        tenant.Sla.ShouldBe(SlaPolicy.Default);
    }

    [Fact]
    public void WhenNothingChanges_NoEventIsRaised()
    {
        var tenant = new TenantBuilder().Build();
        tenant.ClearDomainEvents();

        tenant.ConfigureSla(SlaPolicy.Create(4, 24, 48, 72), Now);

        tenant.DomainEvents.ShouldBeEmpty();
    }
}
