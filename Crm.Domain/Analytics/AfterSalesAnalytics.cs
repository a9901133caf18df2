using Crm.Domain.AfterSales;

namespace Crm.Domain.Analytics;

/// <summary>What the after-sales figures need to know about one request.</summary>
public sealed record AfterSalesFact(AfterSalesType Type, AfterSalesReason Reason, decimal Amount, DateTimeOffset CreatedAt);

/// <summary>One cell of the breakdown: how many requests of a type and reason, their amount and its share of the total.</summary>
public sealed record AfterSalesShare(AfterSalesType Type, AfterSalesReason Reason, int Count, decimal Amount, decimal Share);

/// <summary>Pure calculations over <see cref="AfterSalesFact"/>s for the service dashboard.</summary>
public static class AfterSalesAnalytics
{
    /// <summary>
    /// The requests created in [<paramref name="from"/>, <paramref name="to"/>) by type and reason, largest amount
    /// first; <see cref="AfterSalesShare.Share"/> is the part of the period's total amount (0 to 1; 0 when the total is 0).
    /// </summary>
    public static IReadOnlyList<AfterSalesShare> ByTypeAndReason(IEnumerable<AfterSalesFact> facts, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ServiceAnalytics.EnsurePeriod(from, to);
        var inPeriod = facts.Where(f => f.CreatedAt >= from && f.CreatedAt < to).ToList();
        var total = inPeriod.Sum(f => f.Amount);
        return inPeriod
            .GroupBy(f => (f.Type, f.Reason))
            .Select(g =>
            {
                var amount = g.Sum(f => f.Amount);
                return new AfterSalesShare(g.Key.Type, g.Key.Reason, g.Count(), amount, ShareOf(amount, total));
            })
            .OrderByDescending(s => s.Amount)
            .ThenByDescending(s => s.Count)
            .ThenBy(s => s.Type)
            .ThenBy(s => s.Reason)
            .ToList();
    }

    /// <summary>The share of the period's total amount per type (the chart's slices), in type order, types without requests left out.</summary>
    public static IReadOnlyList<(AfterSalesType Type, decimal Amount, decimal Share)> ByType(IReadOnlyList<AfterSalesShare> breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        var total = breakdown.Sum(s => s.Amount);
        return breakdown
            .GroupBy(s => s.Type)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(s => s.Amount), ShareOf(g.Sum(s => s.Amount), total)))
            .ToList();
    }

    private static decimal ShareOf(decimal amount, decimal total) => total == 0 ? 0m : Math.Round(amount / total, 4);
}
