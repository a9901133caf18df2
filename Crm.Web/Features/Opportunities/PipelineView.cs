using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;

namespace Crm.Web.Features.Opportunities;

public sealed record StageFigures(OpportunityStage Stage, int Count, decimal Amount, decimal Weighted, int HiddenCount);

public sealed record FunnelStep(OpportunityStage Stage, int Count, decimal Amount, double? ConversionToNext);

public sealed record Forecast(decimal Next30Days, decimal Next90Days);

/// <summary>What the board shows, derived from the state: pure functions, so every figure is testable.</summary>
public static class PipelineView
{
    /// <summary>A column renders at most this many cards; the rest are counted ("+ 12 more").</summary>
    public const int MaxCardsPerColumn = 50;

    public static bool IsStale(OpportunityCard card, StaleRule rule, DateTimeOffset now) =>
        rule.IsStale(card.Stage.IsClosed(), StaleRule.LastActivity(card.LastFollowedUpAt, card.CreatedAt), now);

    public static int DaysSinceFollowUp(OpportunityCard card, DateTimeOffset now) =>
        StaleRule.DaysSince(StaleRule.LastActivity(card.LastFollowedUpAt, card.CreatedAt), now);

    /// <summary>The board's filter with the shell's shop resolved: what the server is asked for.</summary>
    public static PipelineFilter Effective(PipelineFilter filter, Guid? shellShopId) =>
        filter.ShopId is null && shellShopId is not null ? filter with { ShopId = shellShopId } : filter;

    /// <summary>The filter on one card, as <see cref="PipelineQueries.Filtered"/> applies it in SQL (shop already resolved).</summary>
    public static bool Matches(OpportunityCard c, PipelineFilter filter, PipelineSettings settings, DateTimeOffset now)
    {
        var text = filter.Text?.Trim();
        return (filter.OwnerId is null || c.OwnerId == filter.OwnerId)
            && (filter.ShopId is null || c.ShopId == filter.ShopId)
            && (filter.Priority is null || c.Priority == filter.Priority)
            && (!filter.StaleOnly || IsStale(c, settings.StaleRule, now))
            && (string.IsNullOrEmpty(text)
                || c.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || c.CustomerName.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public static ImmutableList<OpportunityCard> Visible(PipelineState state, Guid? shellShopId, DateTimeOffset now)
    {
        var filter = Effective(state.Filter, shellShopId);
        return state.Cards.Values
            .Where(c => Matches(c, filter, state.Settings, now))
            .OrderBy(c => c.Priority)
            .ThenByDescending(c => c.Amount)
            .ThenBy(c => c.Id)
            .ToImmutableList();
    }

    public static IReadOnlyList<StageFigures> Columns(IReadOnlyList<OpportunityCard> visible, PipelineSettings settings) =>
        OpportunityStages.All
            .Select(stage =>
            {
                var cards = visible.Where(c => c.Stage == stage).ToList();
                var amount = cards.Sum(c => c.Amount);
                return new StageFigures(
                    stage, cards.Count, amount, amount * settings.StageBlueprint.ProbabilityOf(stage) / 100m, Math.Max(0, cards.Count - MaxCardsPerColumn));
            })
            .ToList();

    /// <summary>
    /// The columns of a paged board: count and amount are the totals of the whole filtered board (SQL, kept by
    /// every change since); the hidden count is what the column does not show.
    /// </summary>
    public static IReadOnlyList<StageFigures> Columns(PipelineState state, IReadOnlyList<OpportunityCard> visible) =>
        OpportunityStages.All
            .Select(stage =>
            {
                var totals = state.TotalsOf(stage);
                var shown = visible.Count(c => c.Stage == stage);
                return new StageFigures(
                    stage, totals.Count, totals.Amount, totals.Amount * state.Settings.StageBlueprint.ProbabilityOf(stage) / 100m, Math.Max(0, totals.Count - shown));
            })
            .ToList();

    /// <summary>
    /// The cards a paged board renders: every card it holds in an unfolded column, that is the first of each column
    /// as loaded, and any card that arrived since (a move into a paged column stays in sight, at its place by order).
    /// </summary>
    public static IReadOnlyList<OpportunityCard> Rendered(IReadOnlyList<OpportunityCard> visible, PipelineState state) =>
        visible.Where(c => !state.Folded.Contains(c.Stage)).ToList();

    /// <summary>The funnel from the column totals (every card of the filtered board, loaded or not).</summary>
    public static IReadOnlyList<FunnelStep> Funnel(PipelineState state)
    {
        var stages = OpportunityStages.All.Where(s => s != OpportunityStage.Lost).ToList();
        return stages
            .Select((stage, i) =>
            {
                var here = state.TotalsOf(stage);
                double? conversion = null;
                if (i + 1 < stages.Count)
                {
                    var reached = stages.Skip(i).Sum(s => state.TotalsOf(s).Count);
                    var next = stages.Skip(i + 1).Sum(s => state.TotalsOf(s).Count);
                    conversion = reached == 0 ? null : (double)next / reached;
                }

                return new FunnelStep(stage, here.Count, here.Amount, conversion);
            })
            .ToList();
    }

    /// <summary>The forecast from the column totals: open columns' amounts due within 30 and 90 days, weighted.</summary>
    public static Forecast ForecastOf(PipelineState state) =>
        new(
            OpportunityStages.All.Where(s => s.IsOpen()).Sum(s => state.TotalsOf(s).Due30 * state.Settings.StageBlueprint.ProbabilityOf(s) / 100m),
            OpportunityStages.All.Where(s => s.IsOpen()).Sum(s => state.TotalsOf(s).Due90 * state.Settings.StageBlueprint.ProbabilityOf(s) / 100m));

    /// <summary>The cards a column renders: the first <see cref="MaxCardsPerColumn"/> of each stage.</summary>
    public static IReadOnlyList<OpportunityCard> Rendered(IReadOnlyList<OpportunityCard> visible, IReadOnlySet<OpportunityStage> folded) =>
        visible.GroupBy(c => c.Stage)
            .Where(g => !folded.Contains(g.Key))
            .SelectMany(g => g.Take(MaxCardsPerColumn))
            .ToList();

    /// <summary>
    /// Count and amount per stage, and stage-to-stage conversion: of the cards that reached a stage
    /// (are there or further, Lost excluded since we do not know how far it got), the share that went on.
    /// </summary>
    public static IReadOnlyList<FunnelStep> Funnel(IReadOnlyList<OpportunityCard> visible)
    {
        var progressed = visible.Where(c => c.Stage != OpportunityStage.Lost).ToList();
        var stages = OpportunityStages.All.Where(s => s != OpportunityStage.Lost).ToList();
        return stages
            .Select((stage, i) =>
            {
                var here = visible.Where(c => c.Stage == stage).ToList();
                double? conversion = null;
                if (i + 1 < stages.Count)
                {
                    var reached = progressed.Count(c => c.Stage >= stage);
                    var next = progressed.Count(c => c.Stage >= stages[i + 1]);
                    conversion = reached == 0 ? null : (double)next / reached;
                }

                return new FunnelStep(stage, here.Count, here.Sum(c => c.Amount), conversion);
            })
            .ToList();
    }

    /// <summary>Probability-weighted amount of open opportunities expected to close within 30 and 90 days (overdue ones count).</summary>
    public static Forecast ForecastOf(IReadOnlyList<OpportunityCard> visible, PipelineSettings settings, DateOnly today)
    {
        decimal Within(int days) => visible
            .Where(c => c.Stage.IsOpen() && c.ExpectedCloseDate <= today.AddDays(days))
            .Sum(c => c.Amount * settings.StageBlueprint.ProbabilityOf(c.Stage) / 100m);
        return new Forecast(Within(30), Within(90));
    }
}
