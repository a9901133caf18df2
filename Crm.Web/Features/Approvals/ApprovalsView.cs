using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Features.Approvals;

/// <summary>What the approvals board shows, derived from the state: pure functions.</summary>
public static class ApprovalsView
{
    /// <summary>A column renders at most this many cards; the rest are counted.</summary>
    public const int MaxCardsPerColumn = 50;

    public static IReadOnlyList<ApprovalStatus> Statuses { get; } = [ApprovalStatus.Pending, ApprovalStatus.Approved, ApprovalStatus.Rejected];

    /// <summary>Column keys as the E2E contract names them: column-Pending, column-Approved, column-Rejected.</summary>
    public static string KeyOf(ApprovalStatus status) => status.ToString();

    public static ApprovalStatus StatusOf(string key) => Enum.Parse<ApprovalStatus>(key);

    /// <summary>The cards the filters let through: pending oldest first (the longest waiting on top), decided newest first.</summary>
    public static ImmutableList<ApprovalCard> Visible(ApprovalsState state, Guid? shellShopId)
    {
        var filter = state.Filter;
        return state.Cards.Values
            .Where(c => filter.Kind is null || c.Kind == filter.Kind)
            .Where(c => filter.Status is null || c.Status == filter.Status)
            .Where(c => shellShopId is null || c.ShopId == shellShopId)
            .OrderBy(c => c.Status == ApprovalStatus.Pending ? 0 : 1)
            .ThenBy(c => c.Status == ApprovalStatus.Pending ? c.CreatedAt.UtcTicks : -(c.DecidedAt ?? c.CreatedAt).UtcTicks)
            .ThenBy(c => c.Id)
            .ToImmutableList();
    }

    /// <summary>Count per column, and how many cards it does not render.</summary>
    public static IReadOnlyList<(ApprovalStatus Status, int Count, int Hidden)> Columns(IReadOnlyList<ApprovalCard> visible) =>
        Statuses.Select(s =>
        {
            var count = visible.Count(c => c.Status == s);
            return (s, count, Math.Max(0, count - MaxCardsPerColumn));
        }).ToList();

    public static IReadOnlyList<ApprovalCard> Rendered(IReadOnlyList<ApprovalCard> visible) =>
        visible.GroupBy(c => c.Status).SelectMany(g => g.Take(MaxCardsPerColumn)).ToList();

    /// <summary>Age of a request: days, or hours, or minutes, as a short number and unit for the card.</summary>
    public static (int Value, string Unit) Age(DateTimeOffset createdAt, DateTimeOffset now)
    {
        var span = now - createdAt;
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? ((int)span.TotalDays, "d") : span.TotalHours >= 1 ? ((int)span.TotalHours, "h") : ((int)span.TotalMinutes, "m");
    }
}
