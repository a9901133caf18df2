using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.WorkOrders;

/// <summary>The SLA countdown in words: "due in 3 h 20 min", "overdue by 2 h 5 min", "done within SLA", "done late".</summary>
public static class SlaText
{
    public static string Of(IStringLocalizer<SharedResource> l, WorkOrderCard card, DateTimeOffset now)
    {
        if (card.Status == WorkOrderStatus.Cancelled)
        {
            return l["WorkOrderStatus.Cancelled"];
        }

        if (!card.Status.IsOpen())
        {
            return card.CheckedOutAt <= card.SlaDueAt ? l["WorkOrders.WithinSla"] : l["WorkOrders.LateSla"];
        }

        var left = card.SlaDueAt - now;
        return left >= TimeSpan.Zero ? l["WorkOrders.DueIn", Span(l, left)] : l["WorkOrders.OverdueBy", Span(l, -left)];
    }

    public static string Span(IStringLocalizer<SharedResource> l, TimeSpan span) =>
        span.TotalDays >= 1
            ? l["Duration.DaysHours", (int)span.TotalDays, span.Hours]
            : l["Duration.HoursMinutes", (int)span.TotalHours, span.Minutes];
}
