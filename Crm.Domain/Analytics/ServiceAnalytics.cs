using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Domain.Service;

namespace Crm.Domain.Analytics;

/// <summary>What the after-sales analytics need to know about one work order.</summary>
/// <param name="TechnicianId">The technician it is (or was last) assigned to; null when never assigned.</param>
/// <param name="AssignedAt">When it was (last) assigned; null when never assigned.</param>
/// <param name="CompletedAt">When the technician checked out; null when not completed.</param>
/// <param name="TimeOnSite">Check-in to check-out; null when not completed.</param>
/// <param name="Satisfaction">1 to 5 from the follow-up visit; null when not rated.</param>
public sealed record WorkOrderFact(
    WorkOrderId WorkOrderId,
    UserId? TechnicianId,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? CompletedAt,
    TimeSpan? TimeOnSite,
    int? Satisfaction)
{
    public static WorkOrderFact From(WorkOrder workOrder)
    {
        ArgumentNullException.ThrowIfNull(workOrder);
        return new WorkOrderFact(
            workOrder.Id,
            workOrder.TechnicianId,
            workOrder.AssignedAt,
            workOrder.CheckedOutAt,
            workOrder.TimeOnSite,
            workOrder.Satisfaction?.Score);
    }
}

/// <summary>Pure calculations over <see cref="WorkOrderFact"/>s for the after-sales dashboard.</summary>
public static class ServiceAnalytics
{
    /// <summary>completed / assigned, between 0 and 1; 0 when nothing was assigned.</summary>
    public static decimal CompletionRate(int assigned, int completed)
    {
        if (assigned < 0 || completed < 0)
        {
            throw new DomainRuleViolation("analytics.count-negative", "Counts of work orders cannot be negative.");
        }

        return assigned == 0 ? 0m : Math.Min(1m, (decimal)completed / assigned);
    }

    /// <summary>
    /// Per technician: of the work orders assigned in [<paramref name="from"/>, <paramref name="to"/>),
    /// the share completed before <paramref name="to"/>. Technicians with no assignment in the period are absent.
    /// </summary>
    public static IReadOnlyDictionary<UserId, decimal> CompletionRateByTechnician(
        IEnumerable<WorkOrderFact> facts, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(facts);
        EnsurePeriod(from, to);
        return facts
            .Where(f => f.TechnicianId is not null && f.AssignedAt is { } at && at >= from && at < to)
            .GroupBy(f => f.TechnicianId!.Value)
            .ToDictionary(
                g => g.Key,
                g => CompletionRate(g.Count(), g.Count(f => f.CompletedAt is { } done && done < to)));
    }

    /// <summary>Average check-in to check-out over the completed work orders; null when none was completed.</summary>
    public static TimeSpan? AverageTimeOnSite(IEnumerable<WorkOrderFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var times = facts.Where(f => f.TimeOnSite is not null).Select(f => f.TimeOnSite!.Value.Ticks).ToList();
        return times.Count == 0 ? null : TimeSpan.FromTicks((long)Math.Round(times.Average()));
    }

    /// <summary>How many work orders were rated 1, 2, 3, 4 and 5; every score is present, unrated ones are left out.</summary>
    public static IReadOnlyDictionary<int, int> SatisfactionDistribution(IEnumerable<WorkOrderFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var distribution = Enumerable
            .Range(WorkOrderLimits.MinSatisfaction, WorkOrderLimits.MaxSatisfaction - WorkOrderLimits.MinSatisfaction + 1)
            .ToDictionary(score => score, _ => 0);
        foreach (var fact in facts)
        {
            if (fact.Satisfaction is { } score && distribution.TryGetValue(score, out var count))
            {
                distribution[score] = count + 1;
            }
        }

        return distribution;
    }

    internal static void EnsurePeriod(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            throw new DomainRuleViolation("analytics.period-invalid", "A period ends after it starts.");
        }
    }
}
