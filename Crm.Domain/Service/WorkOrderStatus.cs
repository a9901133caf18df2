namespace Crm.Domain.Service;

/// <summary>What the technician is sent to do.</summary>
public enum WorkOrderType
{
    Installation,
    Repair,
    TechnicalSupport,
    Inspection,
    ReturnPickup,
}

/// <summary>How urgent the job is; the <see cref="SlaPolicy"/> turns it into a due time.</summary>
public enum WorkOrderPriority
{
    Low,
    Normal,
    High,
    Urgent,
}

/// <summary>The columns of the dispatch board, in process order. Closed and Cancelled are final.</summary>
public enum WorkOrderStatus
{
    New,
    Assigned,
    InProgress,
    Completed,
    Closed,
    Cancelled,
}

public static class WorkOrderStatuses
{
    public static IReadOnlyList<WorkOrderStatus> All { get; } = Enum.GetValues<WorkOrderStatus>();

    /// <summary>The work is still to be done: the SLA clock is running.</summary>
    public static bool IsOpen(this WorkOrderStatus status) =>
        status is WorkOrderStatus.New or WorkOrderStatus.Assigned or WorkOrderStatus.InProgress;

    /// <summary>Nothing more happens to the work order.</summary>
    public static bool IsFinal(this WorkOrderStatus status) =>
        status is WorkOrderStatus.Closed or WorkOrderStatus.Cancelled;

    /// <summary>English words for messages ("In progress"); the UI localizes statuses itself.</summary>
    internal static string Describe(this WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
