using System.Collections.Immutable;
using Crm.Domain.AfterSales;
using Crm.Domain.Analytics;
using Crm.Web.Features.WorkOrders;

namespace Crm.Web.Features.AfterSales;

/// <summary>What the after-sales list and the dashboard show, derived from the state: pure functions.</summary>
public static class AfterSalesView
{
    /// <summary>The start of a period (the dashboard's for today, 7 and 30 days); null for all time.</summary>
    public static DateTimeOffset? Since(AfterSalesPeriod period, DateTimeOffset now) => period switch
    {
        AfterSalesPeriod.Today => DispatchView.PeriodStart(ServicePeriod.Today, now),
        AfterSalesPeriod.Week => DispatchView.PeriodStart(ServicePeriod.Week, now),
        AfterSalesPeriod.Month => DispatchView.PeriodStart(ServicePeriod.Month, now),
        _ => null,
    };

    /// <summary>The rows the filters (and the shell's shop) let through, newest first.</summary>
    public static ImmutableList<AfterSalesRow> Visible(AfterSalesState state, Guid? shellShopId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var filter = state.Filter;
        var since = Since(filter.Period, now);
        return state.Rows
            .Where(r => since is null || r.CreatedAt >= since)
            .Where(r => filter.Status is null || r.Status == filter.Status)
            .Where(r => filter.Type is null || r.Type == filter.Type)
            .Where(r => shellShopId is null || r.ShopId == shellShopId)
            .OrderByDescending(r => r.CreatedAt)
            .ThenBy(r => r.Id)
            .ToImmutableList();
    }

    /// <summary>The dashboard's breakdown by type and reason for one of its periods.</summary>
    public static IReadOnlyList<AfterSalesShare> Breakdown(IEnumerable<AfterSalesRow> rows, ServicePeriod period, DateTimeOffset now) =>
        AfterSalesAnalytics.ByTypeAndReason(
            rows.Select(r => new AfterSalesFact(r.Type, r.Reason, r.Amount, r.CreatedAt)), DispatchView.PeriodStart(period, now), now.AddTicks(1));
}
