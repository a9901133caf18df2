using Crm.Domain.Common;
using Crm.Domain.Opportunities;

namespace Crm.Domain.Service;

/// <summary>
/// How many hours after the request a work order of each priority is due. Calendar hours (the
/// board runs around the clock). A more urgent priority is never given more time than a less urgent one.
/// </summary>
public sealed record SlaPolicy
{
    public const int MinHours = 1;
    public const int MaxHours = 720;

    private SlaPolicy(int urgentHours, int highHours, int normalHours, int lowHours)
    {
        UrgentHours = urgentHours;
        HighHours = highHours;
        NormalHours = normalHours;
        LowHours = lowHours;
    }

    /// <summary>Urgent 4h, High 24h, Normal 48h, Low 72h.</summary>
    public static SlaPolicy Default { get; } = new(4, 24, 48, 72);

    public int UrgentHours { get; }

    public int HighHours { get; }

    public int NormalHours { get; }

    public int LowHours { get; }

    public static SlaPolicy Create(int urgentHours, int highHours, int normalHours, int lowHours)
    {
        ValidHours(urgentHours, WorkOrderPriority.Urgent);
        ValidHours(highHours, WorkOrderPriority.High);
        ValidHours(normalHours, WorkOrderPriority.Normal);
        ValidHours(lowHours, WorkOrderPriority.Low);
        if (urgentHours > highHours || highHours > normalHours || normalHours > lowHours)
        {
            throw new DomainRuleViolation(
                "sla.priority-order", "A more urgent priority cannot be given more hours than a less urgent one.");
        }

        return new SlaPolicy(urgentHours, highHours, normalHours, lowHours);
    }

    public TimeSpan AllowedFor(WorkOrderPriority priority) => TimeSpan.FromHours(HoursFor(priority));

    public int HoursFor(WorkOrderPriority priority) => EnumGuard.Defined(priority, "workorder.priority-invalid", "priority") switch
    {
        WorkOrderPriority.Urgent => UrgentHours,
        WorkOrderPriority.High => HighHours,
        WorkOrderPriority.Normal => NormalHours,
        _ => LowHours,
    };

    public DateTimeOffset DueAt(DateTimeOffset requestedAt, WorkOrderPriority priority) => requestedAt + AllowedFor(priority);

    private static void ValidHours(int hours, WorkOrderPriority priority)
    {
        if (hours is < MinHours or > MaxHours)
        {
            throw new DomainRuleViolation(
                "sla.hours-out-of-range",
                $"The {priority} SLA must be between {MinHours} and {MaxHours} hours.",
                priority,
                MinHours,
                MaxHours);
        }
    }
}
