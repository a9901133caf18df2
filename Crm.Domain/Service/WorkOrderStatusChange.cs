using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Service;

/// <summary>One step of the work order on the board, kept for the history (who, when, to whom, and whether capacity was overridden).</summary>
public sealed class WorkOrderStatusChange : Entity<WorkOrderStatusChangeId>
{
    private WorkOrderStatusChange()
    {
    }

    internal WorkOrderStatusChange(
        WorkOrderStatusChangeId id,
        WorkOrderId workOrderId,
        WorkOrderStatus? from,
        WorkOrderStatus to,
        UserId? technicianId,
        UserId byId,
        DateTimeOffset at,
        bool capacityOverridden)
    {
        Id = id;
        WorkOrderId = workOrderId;
        From = from;
        To = to;
        TechnicianId = technicianId;
        ById = byId;
        At = at;
        CapacityOverridden = capacityOverridden;
    }

    public WorkOrderId WorkOrderId { get; private set; }

    /// <summary>Null for the opening entry.</summary>
    public WorkOrderStatus? From { get; private set; }

    public WorkOrderStatus To { get; private set; }

    /// <summary>The technician assigned after this step.</summary>
    public UserId? TechnicianId { get; private set; }

    public UserId ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The dispatcher assigned the technician beyond the daily capacity.</summary>
    public bool CapacityOverridden { get; private set; }
}
