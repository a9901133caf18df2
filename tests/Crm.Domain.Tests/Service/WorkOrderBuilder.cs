using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Domain.Tests.Service;

/// <summary>The fixed world of the dispatch tests: one tenant, one shop, a customer, a dispatcher, two technicians, a clock.</summary>
internal static class Dispatch
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly TenantId Tenant = new(Guid.Parse("5e000000-0000-4000-8000-000000000001"));
    public static readonly ShopId Shop = new(Guid.Parse("5e000000-0000-4000-8000-000000000002"));
    public static readonly CustomerId Customer = new(Guid.Parse("5e000000-0000-4000-8000-000000000003"));
    public static readonly UserId Dispatcher = new(Guid.Parse("5e000000-0000-4000-8000-000000000004"));
    public static readonly UserId Technician = new(Guid.Parse("5e000000-0000-4000-8000-000000000005"));
    public static readonly UserId OtherTechnician = new(Guid.Parse("5e000000-0000-4000-8000-000000000006"));
    public static readonly UserId Agent = new(Guid.Parse("5e000000-0000-4000-8000-000000000007"));

    /// <summary>Times at which the builder takes each step.</summary>
    public static readonly DateTimeOffset AssignedAt = Start.AddMinutes(10);
    public static readonly DateTimeOffset CheckedInAt = Start.AddHours(1);
    public static readonly DateTimeOffset CheckedOutAt = Start.AddHours(3);
    public static readonly DateTimeOffset FollowedUpAt = Start.AddDays(2);

    public static FakeTimeProvider Clock() => new(Start);

    public static ServiceReport Report() => ServiceReport.Create("Replaced the hydraulic pump seal; tested 20 lifts.", "1 × seal kit HP-40");

    public static DomainRuleViolation Refused(Action action) => Should.Throw<DomainRuleViolation>(action);
}

/// <summary>Builds a work order in a given status with sensible defaults, events cleared. Like eShop's OrderBuilder.</summary>
internal sealed class WorkOrderBuilder
{
    private WorkOrderPriority _priority = WorkOrderPriority.Normal;
    private WorkOrderType _type = WorkOrderType.Repair;
    private SlaPolicy _sla = SlaPolicy.Default;
    private WorkOrderStatus _status = WorkOrderStatus.New;
    private UserId _technician = Dispatch.Technician;
    private bool _capacityOverridden;

    public WorkOrderBuilder WithPriority(WorkOrderPriority priority)
    {
        _priority = priority;
        return this;
    }

    public WorkOrderBuilder OfType(WorkOrderType type)
    {
        _type = type;
        return this;
    }

    public WorkOrderBuilder WithSla(SlaPolicy sla)
    {
        _sla = sla;
        return this;
    }

    public WorkOrderBuilder AssignedTo(UserId technician, bool capacityOverridden = false)
    {
        _technician = technician;
        _capacityOverridden = capacityOverridden;
        return this;
    }

    /// <summary>
    /// Reaches the status along the normal path (Cancelled: from New), with the technician set by
    /// <see cref="AssignedTo"/> and the step times of <see cref="Dispatch"/>.
    /// </summary>
    public WorkOrderBuilder InStatus(WorkOrderStatus status)
    {
        _status = status;
        return this;
    }

    public WorkOrder Build()
    {
        var workOrder = WorkOrder.Open(
            WorkOrderId.New(), Dispatch.Tenant, Dispatch.Shop, Dispatch.Customer, null,
            "江苏省苏州市昆山市玉山镇 88 号 3 号仓", _type, _priority, "Pallet lift jack leaks oil and will not hold a load.",
            Dispatch.Start, _sla, Dispatch.Agent, Dispatch.Start);

        if (_status == WorkOrderStatus.Cancelled)
        {
            workOrder.Cancel("Customer fixed it themselves.", Dispatch.Dispatcher, Dispatch.AssignedAt);
        }
        else if (_status != WorkOrderStatus.New)
        {
            workOrder.AssignTo(_technician, technicianIsOnDuty: true, Dispatch.Dispatcher, Dispatch.AssignedAt, _capacityOverridden);
            if (_status >= WorkOrderStatus.InProgress)
            {
                workOrder.CheckIn(_technician, Dispatch.CheckedInAt);
            }

            if (_status >= WorkOrderStatus.Completed)
            {
                workOrder.CheckOut(_technician, Dispatch.Report(), Dispatch.CheckedOutAt);
            }

            if (_status >= WorkOrderStatus.Closed)
            {
                workOrder.RecordFollowUpVisit(5, "Quick and tidy.", Dispatch.Agent, Dispatch.FollowedUpAt);
            }
        }

        workOrder.ClearDomainEvents();
        return workOrder;
    }
}
