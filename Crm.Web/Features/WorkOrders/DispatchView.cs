using System.Collections.Immutable;
using Crm.Domain.Analytics;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Features.WorkOrders;

public sealed record StatusFigures(WorkOrderStatus Status, int Count, int Overdue);

/// <summary>A technician's lane: open work orders against the daily capacity.</summary>
public sealed record LaneFigures(TechnicianOption Technician, int Open, bool AtCapacity);

public sealed record TechnicianFigures(TechnicianOption Technician, int Assigned, int Completed, decimal CompletionRate);

/// <summary>The service dashboard's figures for one period.</summary>
public sealed record ServiceFigures(
    int Open, int Overdue, TimeSpan? AverageTimeOnSite, ImmutableList<TechnicianFigures> ByTechnician, ImmutableSortedDictionary<int, int> Satisfaction);

public enum ServicePeriod
{
    Today,
    Week,
    Month,
}

/// <summary>What the dispatch board, the technician's list and the dashboard show, derived from the state: pure, so every figure is testable.</summary>
public static class DispatchView
{
    public const string UnassignedLane = "unassigned";

    public static string KeyOf(WorkOrderStatus status) => status switch
    {
        WorkOrderStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static WorkOrderStatus StatusOf(string key) => WorkOrderStatuses.All.First(s => KeyOf(s) == key);

    public static string LaneOf(string userName) => $"tech-{userName}";

    public static ImmutableList<WorkOrderCard> Visible(DispatchState state, DateTimeOffset now)
    {
        var filter = state.Filter;
        return state.Cards.Values
            .Where(c => filter.Type is null || c.Type == filter.Type)
            .Where(c => filter.Priority is null || c.Priority == filter.Priority)
            .Where(c => filter.TechnicianId is null || c.TechnicianId == filter.TechnicianId)
            .Where(c => !filter.OverdueOnly || c.IsOverdue(now))
            .OrderByDescending(c => c.IsOverdue(now))
            .ThenByDescending(c => c.Priority)
            .ThenBy(c => c.SlaDueAt)
            .ThenBy(c => c.Id)
            .ToImmutableList();
    }

    public static IReadOnlyList<StatusFigures> Columns(IReadOnlyList<WorkOrderCard> visible, DateTimeOffset now) =>
        WorkOrderStatuses.All
            .Select(status =>
            {
                var cards = visible.Where(c => c.Status == status).ToList();
                return new StatusFigures(status, cards.Count, cards.Count(c => c.IsOverdue(now)));
            })
            .ToList();

    /// <summary>Open work orders of each technician (from every card, not only the filtered ones) against the daily capacity.</summary>
    public static IReadOnlyList<LaneFigures> Lanes(DispatchState state)
    {
        var open = state.Cards.Values.Where(c => c.Status.IsOpen() && c.TechnicianId is not null).ToList();
        return state.Technicians
            .Select(t =>
            {
                var count = open.Count(c => c.TechnicianId == t.Id);
                return new LaneFigures(t, count, TechnicianCapacity.Exceeds(count, t.DailyCapacity));
            })
            .ToList();
    }

    /// <summary>The lane a card sits in on the technician view: its technician's while open, else none (it is not shown there).</summary>
    public static string? LaneKeyOf(WorkOrderCard card, IReadOnlyList<TechnicianOption> technicians)
    {
        if (!card.Status.IsOpen())
        {
            return null;
        }

        if (card.TechnicianId is null)
        {
            return UnassignedLane;
        }

        var technician = technicians.FirstOrDefault(t => t.Id == card.TechnicianId);
        return technician is null ? null : LaneOf(technician.UserName);
    }

    /// <summary>The signed-in technician's own work orders: open ones first by due time, then the last finished ones.</summary>
    public static ImmutableList<WorkOrderCard> Mine(DispatchState state, Guid technicianId) =>
        state.Cards.Values
            .Where(c => c.TechnicianId == technicianId && c.Status != WorkOrderStatus.Cancelled)
            .OrderBy(c => c.Status.IsOpen() ? 0 : 1)
            .ThenBy(c => c.Status.IsOpen() ? c.SlaDueAt : DateTimeOffset.MinValue)
            .ThenByDescending(c => c.CheckedOutAt)
            .ToImmutableList();

    public static DateTimeOffset PeriodStart(ServicePeriod period, DateTimeOffset now) => period switch
    {
        ServicePeriod.Today => new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero),
        ServicePeriod.Week => now.AddDays(-7),
        _ => now.AddDays(-30),
    };

    /// <summary>
    /// Open and overdue now; for the period: completion rate per technician (assigned in the period,
    /// completed by now), average time on site and the satisfaction of orders completed or closed in it.
    /// </summary>
    public static ServiceFigures Service(DispatchState state, ServicePeriod period, DateTimeOffset now)
    {
        var from = PeriodStart(period, now);
        var to = now.AddTicks(1);
        var cards = state.Cards.Values.ToList();
        var facts = cards.Select(Fact).ToList();
        var rates = ServiceAnalytics.CompletionRateByTechnician(facts, from, to);
        var byTechnician = state.Technicians
            .Select(t =>
            {
                var assigned = facts.Count(f => f.TechnicianId?.Value == t.Id && f.AssignedAt >= from && f.AssignedAt < to);
                var completed = facts.Count(f => f.TechnicianId?.Value == t.Id && f.AssignedAt >= from && f.AssignedAt < to && f.CompletedAt is not null);
                return new TechnicianFigures(t, assigned, completed, rates.GetValueOrDefault(new Domain.Organization.UserId(t.Id)));
            })
            .ToImmutableList();
        var completedInPeriod = facts.Where(f => f.CompletedAt >= from && f.CompletedAt < to).ToList();
        var closedInPeriod = cards.Where(c => c.ClosedAt >= from && c.ClosedAt < to).Select(Fact);
        return new ServiceFigures(
            cards.Count(c => c.Status.IsOpen()),
            cards.Count(c => c.IsOverdue(now)),
            ServiceAnalytics.AverageTimeOnSite(completedInPeriod),
            byTechnician,
            ServiceAnalytics.SatisfactionDistribution(closedInPeriod).ToImmutableSortedDictionary());
    }

    private static WorkOrderFact Fact(WorkOrderCard c) =>
        new(
            new WorkOrderId(c.Id),
            c.TechnicianId is { } t ? new Domain.Organization.UserId(t) : null,
            c.AssignedAt,
            c.CheckedOutAt,
            c.CheckedInAt is { } inAt && c.CheckedOutAt is { } outAt ? outAt - inAt : null,
            c.Satisfaction);
}
