using Crm.Domain.Organization;
using Crm.Domain.Service;

namespace Crm.Domain.Tests.Service;

/// <summary>Who sees a work order, who dispatches and who records the follow-up visit.</summary>
public sealed class WorkOrderAccessTests
{
    private static readonly ShopId OtherShop = new(Guid.Parse("5e000000-0000-4000-8000-0000000000ff"));

    private static UserScope Scope(string role, UserId? user = null, bool headOffice = false) =>
        new(Dispatch.Tenant, user ?? Dispatch.Dispatcher, new HashSet<string> { role }, new HashSet<ShopId> { Dispatch.Shop }, headOffice);

    [Theory]
    [InlineData(Roles.Dispatcher, true)]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Technician, false)]
    [InlineData(Roles.SalesRep, false)]
    [InlineData(Roles.Finance, false)]
    public void WhenAskedWhoDispatches_OnlyDispatchersManagersAndAdminsDo(string role, bool expected) =>
        WorkOrderAccess.CanDispatch(Scope(role)).ShouldBe(expected);

    [Theory]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Admin, true)]
    [InlineData(Roles.Dispatcher, false)]
    [InlineData(Roles.Technician, false)]
    public void WhenAskedWhoRecordsTheFollowUpVisit_OnlyTheSupervisorDoes(string role, bool expected) =>
        WorkOrderAccess.CanRecordFollowUp(Scope(role)).ShouldBe(expected);

    [Fact]
    public void WhenATechnicianLooks_TheySeeOnlyOrdersAssignedToThem()
    {
        var technician = Scope(Roles.Technician, Dispatch.Technician);

        WorkOrderAccess.CanSee(technician, Dispatch.Shop, Dispatch.Technician).ShouldBeTrue();
        WorkOrderAccess.CanSee(technician, Dispatch.Shop, Dispatch.OtherTechnician).ShouldBeFalse();
        WorkOrderAccess.CanSee(technician, Dispatch.Shop, null).ShouldBeFalse();
    }

    [Fact]
    public void WhenADispatcherLooks_TheySeeEveryOrderOfTheirShopsButNotOfOtherShops()
    {
        var dispatcher = Scope(Roles.Dispatcher);

        WorkOrderAccess.CanSee(dispatcher, Dispatch.Shop, null).ShouldBeTrue();
        WorkOrderAccess.CanSee(dispatcher, Dispatch.Shop, Dispatch.Technician).ShouldBeTrue();
        WorkOrderAccess.CanSee(dispatcher, OtherShop, null).ShouldBeFalse();
        WorkOrderAccess.CanSee(Scope(Roles.Manager, headOffice: true), OtherShop, null).ShouldBeTrue();
    }
}
