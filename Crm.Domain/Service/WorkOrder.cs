using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Service;

/// <summary>
/// An after-sales job on the dispatch board: New → Assigned → InProgress (checked in) → Completed
/// (checked out with a report) → Closed (follow-up visit with a satisfaction rating). Cancelled is
/// reachable only before the technician checks in. The <see cref="SlaPolicy"/> fixes the due time
/// at opening; <see cref="TechnicianCapacity"/> is a soft limit whose override is recorded.
/// </summary>
public sealed class WorkOrder : AggregateRoot<WorkOrderId>, ITenantOwned
{
    private readonly List<WorkOrderStatusChange> _statusHistory = [];

    private WorkOrder()
    {
        Address = string.Empty;
        Description = string.Empty;
    }

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public ContactId? ContactId { get; private set; }

    public string Address { get; private set; }

    public WorkOrderType Type { get; private set; }

    public WorkOrderPriority Priority { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset SlaDueAt { get; private set; }

    public WorkOrderStatus Status { get; private set; }

    public UserId? TechnicianId { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>The current assignment went beyond the technician's daily capacity.</summary>
    public bool CapacityOverridden { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public DateTimeOffset? CheckedOutAt { get; private set; }

    public ServiceReport? Report { get; private set; }

    public Satisfaction? Satisfaction { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<WorkOrderStatusChange> StatusHistory => _statusHistory.AsReadOnly();

    /// <summary>From check-in to check-out; null until the technician has checked out.</summary>
    public TimeSpan? TimeOnSite => CheckedInAt is { } inAt && CheckedOutAt is { } outAt ? outAt - inAt : null;

    /// <summary>Completed (checked out) no later than the SLA due time; null while the work is not done.</summary>
    public bool? CompletedWithinSla => CheckedOutAt is { } outAt ? outAt <= SlaDueAt : null;

    public static WorkOrder Open(
        WorkOrderId id,
        TenantId tenantId,
        ShopId shopId,
        CustomerId customerId,
        ContactId? contactId,
        string address,
        WorkOrderType type,
        WorkOrderPriority priority,
        string description,
        DateTimeOffset requestedAt,
        SlaPolicy sla,
        UserId openedBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (requestedAt > now)
        {
            throw new DomainRuleViolation("workorder.requested-in-future", "A work order is opened after the customer asked, not before.");
        }

        var workOrder = new WorkOrder
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            CustomerId = customerId,
            ContactId = contactId,
            Address = Guard.Text(address, WorkOrderLimits.AddressMaxLength, "workorder.address", "An address"),
            Type = EnumGuard.Defined(type, "workorder.type-invalid", "work order type"),
            Priority = EnumGuard.Defined(priority, "workorder.priority-invalid", "priority"),
            Description = Guard.Text(description, WorkOrderLimits.DescriptionMaxLength, "workorder.description", "A description"),
            RequestedAt = requestedAt,
            SlaDueAt = sla.DueAt(requestedAt, priority),
            Status = WorkOrderStatus.New,
            CreatedAt = now,
        };
        workOrder.Record(null, WorkOrderStatus.New, openedBy, now);
        workOrder.Raise(new WorkOrderOpened(
            id, tenantId, shopId, customerId, workOrder.Type, workOrder.Priority, requestedAt, workOrder.SlaDueAt, openedBy, now));
        return workOrder;
    }

    /// <summary>
    /// Sends an on-duty technician to a New work order. Assigning the same technician again changes
    /// nothing; another technician goes through <see cref="Reassign"/>. Set
    /// <paramref name="capacityOverridden"/> when the dispatcher confirmed an assignment beyond
    /// the technician's daily capacity (<see cref="TechnicianCapacity.Exceeds"/>); it is recorded.
    /// </summary>
    public void AssignTo(
        UserId technician, bool technicianIsOnDuty, UserId dispatcher, DateTimeOffset now, bool capacityOverridden = false)
    {
        if (Status == WorkOrderStatus.Assigned && TechnicianId == technician)
        {
            return;
        }

        if (Status == WorkOrderStatus.Assigned)
        {
            throw new DomainRuleViolation(
                "workorder.already-assigned", "The work order is already assigned; reassign it to change the technician.", Status);
        }

        EnsureStatus(WorkOrderStatus.New, "workorder.assign-requires-new", "Only a new work order can be assigned");
        EnsureOnDuty(technicianIsOnDuty, technician);

        SetTechnician(technician, capacityOverridden, now);
        Status = WorkOrderStatus.Assigned;
        Record(WorkOrderStatus.New, WorkOrderStatus.Assigned, dispatcher, now);
        Raise(new WorkOrderAssigned(Id, TenantId, technician, null, capacityOverridden, dispatcher, now));
    }

    /// <summary>Hands an Assigned work order to another on-duty technician; only before check-in. Same technician: nothing happens.</summary>
    public void Reassign(
        UserId technician, bool technicianIsOnDuty, UserId dispatcher, DateTimeOffset now, bool capacityOverridden = false)
    {
        EnsureStatus(
            WorkOrderStatus.Assigned,
            "workorder.reassign-requires-assigned",
            "A work order is reassigned only while assigned and before the technician checks in");
        if (TechnicianId == technician)
        {
            return;
        }

        EnsureOnDuty(technicianIsOnDuty, technician);

        var previous = TechnicianId;
        SetTechnician(technician, capacityOverridden, now);
        Record(WorkOrderStatus.Assigned, WorkOrderStatus.Assigned, dispatcher, now);
        Raise(new WorkOrderAssigned(Id, TenantId, technician, previous, capacityOverridden, dispatcher, now));
    }

    /// <summary>The assigned technician arrives on site. Checking in again while in progress changes nothing.</summary>
    public void CheckIn(UserId technician, DateTimeOffset now)
    {
        if (Status == WorkOrderStatus.InProgress && TechnicianId == technician)
        {
            return;
        }

        EnsureStatus(WorkOrderStatus.Assigned, "workorder.check-in-requires-assigned", "Only an assigned work order can be checked in");
        EnsureAssignedTechnician(technician);

        CheckedInAt = now;
        Status = WorkOrderStatus.InProgress;
        Record(WorkOrderStatus.Assigned, WorkOrderStatus.InProgress, technician, now);
        Raise(new WorkOrderCheckedIn(Id, TenantId, technician, now));
    }

    /// <summary>The assigned technician leaves the site with the work done; the report is required.</summary>
    public void CheckOut(UserId technician, ServiceReport? report, DateTimeOffset now)
    {
        EnsureStatus(WorkOrderStatus.InProgress, "workorder.check-out-requires-in-progress", "Only a work order in progress can be checked out");
        EnsureAssignedTechnician(technician);
        if (report is null)
        {
            throw new DomainRuleViolation("workorder.report-required", "A service report is required to check out.");
        }

        var checkedInAt = CheckedInAt!.Value;
        if (now < checkedInAt)
        {
            throw new DomainRuleViolation("workorder.check-out-before-check-in", "A technician cannot check out before checking in.");
        }

        CheckedOutAt = now;
        Report = report;
        Status = WorkOrderStatus.Completed;
        Record(WorkOrderStatus.InProgress, WorkOrderStatus.Completed, technician, now);
        Raise(new WorkOrderCompleted(Id, TenantId, technician, now - checkedInAt, now <= SlaDueAt, now));
    }

    /// <summary>The follow-up visit (or call) rates the job and closes the work order.</summary>
    public void RecordFollowUpVisit(int satisfaction, string? comment, UserId by, DateTimeOffset now)
    {
        EnsureStatus(
            WorkOrderStatus.Completed, "workorder.follow-up-requires-completed", "A follow-up visit is recorded only once the work is completed");
        var rating = Satisfaction.Create(satisfaction, comment);

        Satisfaction = rating;
        ClosedAt = now;
        Status = WorkOrderStatus.Closed;
        Record(WorkOrderStatus.Completed, WorkOrderStatus.Closed, by, now);
        Raise(new WorkOrderClosed(Id, TenantId, rating.Score, by, now));
    }

    /// <summary>Cancels a work order nobody has started on (New or Assigned). Cancelling again changes nothing.</summary>
    public void Cancel(string reason, UserId by, DateTimeOffset now)
    {
        if (Status == WorkOrderStatus.Cancelled)
        {
            return;
        }

        if (Status is not (WorkOrderStatus.New or WorkOrderStatus.Assigned))
        {
            throw new DomainRuleViolation(
                "workorder.cancel-requires-not-started",
                $"The work order is {Status.Describe()}; only a new or assigned work order can be cancelled.",
                Status);
        }

        var validReason = Guard.Text(reason, WorkOrderLimits.CancelReasonMaxLength, "workorder.cancel-reason", "A cancel reason");

        var from = Status;
        CancelReason = validReason;
        Status = WorkOrderStatus.Cancelled;
        Record(from, WorkOrderStatus.Cancelled, by, now);
        Raise(new WorkOrderCancelled(Id, TenantId, from, by, now));
    }

    /// <summary>Still open (not completed, closed or cancelled) and past its SLA due time.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status.IsOpen() && now > SlaDueAt;

    private void SetTechnician(UserId technician, bool capacityOverridden, DateTimeOffset now)
    {
        TechnicianId = technician;
        AssignedAt = now;
        CapacityOverridden = capacityOverridden;
    }

    private void Record(WorkOrderStatus? from, WorkOrderStatus to, UserId by, DateTimeOffset now) =>
        _statusHistory.Add(new WorkOrderStatusChange(
            WorkOrderStatusChangeId.New(), Id, from, to, TechnicianId, by, now, to == WorkOrderStatus.Assigned && CapacityOverridden));

    private void EnsureStatus(WorkOrderStatus required, string code, string rule)
    {
        if (Status != required)
        {
            throw new DomainRuleViolation(code, $"{rule}; this one is {Status.Describe()}.", Status);
        }
    }

    private static void EnsureOnDuty(bool technicianIsOnDuty, UserId technician)
    {
        if (!technicianIsOnDuty)
        {
            throw new DomainRuleViolation(
                "workorder.technician-off-duty", "The technician is off duty and cannot be assigned.", technician);
        }
    }

    private void EnsureAssignedTechnician(UserId technician)
    {
        if (TechnicianId != technician)
        {
            throw new DomainRuleViolation(
                "workorder.not-assigned-technician", "Only the technician assigned to the work order can check in or out.", technician);
        }
    }
}
