using Crm.Domain.Common;

namespace Crm.Domain.Service;

/// <summary>
/// A technician's daily capacity is a soft limit: the dispatcher is warned and may override it,
/// and the work order records that the assignment did (<see cref="WorkOrder.AssignTo"/>).
/// </summary>
public static class TechnicianCapacity
{
    /// <summary>Jobs per day a technician takes unless the company sets another limit.</summary>
    public const int DefaultDailyCapacity = 4;

    public const int MaxDailyCapacity = 50;

    /// <summary>Whether one more assignment would take the technician over <paramref name="capacity"/> jobs for the day.</summary>
    /// <param name="assignedToday">Work orders the technician already has today, before this one.</param>
    /// <param name="capacity">Jobs per day; 0 means the technician takes none.</param>
    public static bool Exceeds(int assignedToday, int capacity)
    {
        if (assignedToday < 0)
        {
            throw new DomainRuleViolation("capacity.assigned-negative", "The number of assigned work orders cannot be negative.");
        }

        if (capacity < 0)
        {
            throw new DomainRuleViolation("capacity.negative", "A daily capacity cannot be negative.");
        }

        return assignedToday + 1 > capacity;
    }
}
