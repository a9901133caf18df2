using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Opportunities;

/// <summary>A column's figures for the whole filtered board, also where cards are not loaded: count, amount, and the amounts due within 30 and 90 days.</summary>
public sealed record StageTotals(OpportunityStage Stage, int Count, decimal Amount, decimal Due30, decimal Due90)
{
    public static StageTotals Empty(OpportunityStage stage) => new(stage, 0, 0m, 0m, 0m);
}

public sealed record OwnerOption(Guid Id, string Name);

/// <summary>
/// The board's SQL: the filters, per-column totals (GROUP BY stage) and the first cards of each
/// column in the board's order, projected without tracking, names joined in the same query.
/// </summary>
public static class PipelineQueries
{
    /// <summary>Cards loaded per column at first and per "Show more", unless <c>Pipeline:CardsPerColumn</c> says otherwise: 7 columns × 25 stay near 150 card components.</summary>
    public const int PageSize = 25;

    [SuppressMessage("Globalization", "CA1304", Justification = "Translated to SQL lower(); no culture reaches the database.")]
    [SuppressMessage("Globalization", "CA1311", Justification = "Translated to SQL lower(); no culture reaches the database.")]
    public static IQueryable<Opportunity> Filtered(
        CrmDbContext db, IQueryable<Opportunity> visible, PipelineFilter filter, StaleRule staleRule, DateTimeOffset now)
    {
        var query = visible;
        if (filter.OwnerId is { } owner)
        {
            var ownerId = new UserId(owner);
            query = query.Where(o => o.OwnerId == ownerId);
        }

        if (filter.ShopId is { } shop)
        {
            var shopId = new ShopId(shop);
            query = query.Where(o => o.ShopId == shopId);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(o => o.Priority == priority);
        }

        if (filter.StaleOnly)
        {
            // StaleRule.IsStale: open, and the later of the last follow-up and the opening is older than the period.
            var cutoff = now - staleRule.Period;
            query = query.Where(o => o.Stage != OpportunityStage.Won && o.Stage != OpportunityStage.Lost
                && o.CreatedAt < cutoff && (o.LastFollowedUpAt == null || o.LastFollowedUpAt < cutoff));
        }

        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var pattern = "%" + text.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var customers = db.Set<Customer>();
            query = query.Where(o => EF.Functions.Like(o.Title.ToLower(), pattern, "\\")
                || customers.Any(c => c.Id == o.CustomerId && EF.Functions.Like(c.Name.ToLower(), pattern, "\\")));
        }

        return query;
    }

    public static async Task<ImmutableDictionary<OpportunityStage, StageTotals>> TotalsAsync(
        IQueryable<Opportunity> filtered, DateOnly today, CancellationToken cancellationToken)
    {
        var in30 = today.AddDays(30);
        var in90 = today.AddDays(90);
        // Summed as REAL: SQLite has no decimal aggregate; amounts stay far below double's exact range.
        var rows = await filtered
            .GroupBy(o => o.Stage)
            .Select(g => new
            {
                Stage = g.Key,
                Count = g.Count(),
                Amount = g.Sum(o => (double)o.Amount.Amount),
                Due30 = g.Sum(o => o.ExpectedCloseDate <= in30 ? (double)o.Amount.Amount : 0d),
                Due90 = g.Sum(o => o.ExpectedCloseDate <= in90 ? (double)o.Amount.Amount : 0d),
            })
            .ToListAsync(cancellationToken);
        return OpportunityStages.All.ToImmutableDictionary(
            s => s,
            s => rows.Find(r => r.Stage == s) is { } r
                ? new StageTotals(s, r.Count, Money(r.Amount), Money(r.Due30), Money(r.Due90))
                : StageTotals.Empty(s));
    }

    /// <summary>The first <paramref name="limit"/> cards of a column, in the board's order (priority, amount descending).</summary>
    public static async Task<List<OpportunityCard>> FirstCardsAsync(
        CrmDbContext db, IQueryable<Opportunity> filtered, OpportunityStage stage, int limit, IReadOnlyDictionary<Guid, string> owners, CancellationToken cancellationToken)
    {
        var rows = await filtered.AsNoTracking()
            .Where(o => o.Stage == stage)
            .OrderBy(o => o.Priority)
            .ThenByDescending(o => (double)o.Amount.Amount)
            .ThenBy(o => o.Id)
            .Take(limit)
            .Select(o => new
            {
                o.Id, o.Version, o.Title, o.CustomerId,
                CustomerName = db.Set<Customer>().Where(c => c.Id == o.CustomerId).Select(c => c.Name).FirstOrDefault(),
                o.Amount.Amount, o.Amount.Currency, o.Stage, o.OwnerId, o.ShopId, o.ExpectedCloseDate, o.Score, o.Priority,
                o.LastFollowedUpAt, o.StageEnteredAt, o.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        return rows
            .Select(o => new OpportunityCard(
                o.Id.Value, o.Version, o.Title, o.CustomerId.Value, o.CustomerName ?? string.Empty, o.Amount, o.Currency, o.Stage, o.OwnerId.Value,
                owners.GetValueOrDefault(o.OwnerId.Value, string.Empty), o.ShopId.Value, o.ExpectedCloseDate, o.Score, o.Priority, o.LastFollowedUpAt,
                o.StageEnteredAt, o.CreatedAt))
            .ToList();
    }

    /// <summary>Who owns what the user may see: the owner filter's choices.</summary>
    public static async Task<ImmutableList<OwnerOption>> OwnersAsync(
        IQueryable<Opportunity> visible, IReadOnlyDictionary<Guid, string> names, CancellationToken cancellationToken)
    {
        var ids = await visible.Select(o => o.OwnerId).Distinct().ToListAsync(cancellationToken);
        return [.. ids.Select(id => new OwnerOption(id.Value, names.GetValueOrDefault(id.Value, string.Empty))).OrderBy(o => o.Name, StringComparer.CurrentCulture)];
    }

    private static decimal Money(double sum) => Math.Round((decimal)sum, 2);
}
