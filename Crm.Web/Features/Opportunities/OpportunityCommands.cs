using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Opportunities;

/// <summary>The board as loaded: the first cards of each column, the totals of every column, the owner filter's choices.</summary>
public sealed record PipelineLoad(
    ImmutableList<OpportunityCard> Cards,
    long Sequence,
    PipelineSettings Settings,
    ImmutableDictionary<OpportunityStage, StageTotals> Totals,
    ImmutableList<OwnerOption> Owners,
    PipelineFilter Query,
    DateTimeOffset LoadedAt,
    int PageSize);

/// <summary>Who changed a card last and how, for "Li Wei moved this to Negotiation 3 s ago".</summary>
public sealed record LastChange(string? ActorName, string Kind, OpportunityStage Stage, DateTimeOffset At);

/// <summary>The outcome of a move: done, refused (with the current truth), a conflict, or details the blueprint still needs.</summary>
public sealed record MoveOutcome(
    OpportunityCard? Moved,
    DomainRuleViolation? Refusal,
    OpportunityCard? Current,
    LastChange? Conflict,
    IReadOnlyList<StageRequirement> Missing)
{
    public static MoveOutcome Done(OpportunityCard card) => new(card, null, null, null, []);
}

/// <summary>The pipeline's use cases: load what the user may see, call one aggregate method, save (which publishes).</summary>
public sealed class OpportunityCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock, IConfiguration? configuration = null)
{
    /// <summary>Cards a column loads at first and per "Show more" (<c>Pipeline:CardsPerColumn</c>).</summary>
    public int PageSize => Math.Max(1, configuration?.GetValue("Pipeline:CardsPerColumn", PipelineQueries.PageSize) ?? PipelineQueries.PageSize);

    /// <summary>
    /// The board for a filter (shop resolved): per-column totals in SQL and the first cards of each column, as many as
    /// <paramref name="limits"/> says (<see cref="PipelineQueries.PageSize"/> where it says nothing).
    /// </summary>
    public async Task<PipelineLoad> LoadBoardAsync(
        PipelineFilter? filter = null, IReadOnlyDictionary<OpportunityStage, int>? limits = null, CancellationToken cancellationToken = default)
    {
        filter ??= new PipelineFilter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Sequence first: an event committed in between is then applied again, which is harmless
        // (a card is replaced only by an equal or newer version), while the reverse order could miss it.
        var sequence = await OpportunityCards.CurrentSequenceAsync(db, Boards.Opportunities, cancellationToken);
        var settings = await TenantSettings.PipelineAsync(db, cancellationToken);
        var now = clock.GetUtcNow();
        var visible = Visible(db);
        var filtered = PipelineQueries.Filtered(db, visible, filter, settings.StaleRule, now);
        var totals = await PipelineQueries.TotalsAsync(filtered, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken);
        var owners = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        var cards = new List<OpportunityCard>();
        foreach (var stage in OpportunityStages.All.Where(s => totals[s].Count > 0))
        {
            var limit = limits?.GetValueOrDefault(stage, PageSize) ?? PageSize;
            cards.AddRange(await PipelineQueries.FirstCardsAsync(db, filtered, stage, limit, owners, cancellationToken));
        }

        var ownerOptions = await PipelineQueries.OwnersAsync(visible, owners, cancellationToken);
        return new PipelineLoad([.. cards], sequence, settings, totals, ownerOptions, filter, now, PageSize);
    }

    /// <summary>"Show more": the first <paramref name="limit"/> cards of one column.</summary>
    public async Task<ImmutableList<OpportunityCard>> LoadStageAsync(
        PipelineFilter filter, OpportunityStage stage, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await TenantSettings.PipelineAsync(db, cancellationToken);
        var filtered = PipelineQueries.Filtered(db, Visible(db), filter, settings.StaleRule, clock.GetUtcNow());
        var owners = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        return [.. await PipelineQueries.FirstCardsAsync(db, filtered, stage, limit, owners, cancellationToken)];
    }

    public async Task<OpportunityCard?> LoadCardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opportunityId = new OpportunityId(id);
        var cards = await OpportunityCards.LoadAsync(db, Visible(db).Where(o => o.Id == opportunityId), cancellationToken);
        return cards.SingleOrDefault();
    }

    /// <summary>
    /// Moves a card if the user still sees the version they moved. A stale version is a conflict:
    /// nothing is written, and the user gets the current card and who changed it.
    /// </summary>
    public async Task<MoveOutcome> MoveAsync(
        Guid id, OpportunityStage target, long expectedVersion, StageCompletion? completion, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opportunityId = new OpportunityId(id);
        // Split: follow-ups and stage history in one joined query multiply (every move adds a history row).
        var opportunity = await Visible(db).AsSplitQuery().SingleOrDefaultAsync(o => o.Id == opportunityId, cancellationToken);
        if (opportunity is null)
        {
            return new MoveOutcome(null, NotFound(), null, null, []);
        }

        if (opportunity.Version != expectedVersion)
        {
            // The aggregate just read is the current truth: its card needs only the names, not a second load.
            return await ConflictAsync(db, id, await OpportunityCards.OfAsync(db, opportunity, cancellationToken), cancellationToken);
        }

        var settings = await TenantSettings.PipelineAsync(db, cancellationToken);
        var missing = settings.StageBlueprint.MissingFor(opportunity, target, completion);
        if (missing.Count > 0)
        {
            return new MoveOutcome(null, null, null, null, missing);
        }

        try
        {
            opportunity.MoveTo(target, settings.StageBlueprint, scope.UserId, IsManager(scope), clock.GetUtcNow(), completion);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleViolation violation)
        {
            return new MoveOutcome(null, violation, await LoadCardAsync(id, cancellationToken), null, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return await ConflictAsync(fresh, id, await LoadCardAsync(id, cancellationToken), cancellationToken);
        }

        // The card the save projected for the board, instead of reading the board's view of it again.
        return MoveOutcome.Done(BoardOutbox.SavedCardJson(db, Boards.Opportunities, id) is { } json
            ? OpportunityCard.FromJson(json) with { MovedFrom = null }
            : await OpportunityCards.OfAsync(db, opportunity, cancellationToken));
    }

    private async Task<MoveOutcome> ConflictAsync(CrmDbContext db, Guid id, OpportunityCard? current, CancellationToken cancellationToken)
    {
        LastChange? change = null;
        if (await BoardOutbox.LastEventAsync(db, Boards.Opportunities, id, cancellationToken) is { } boardEvent)
        {
            var card = OpportunityCard.FromJson(boardEvent.CardJson!);
            change = new LastChange(boardEvent.ActorName, boardEvent.Kind, card.Stage, boardEvent.OccurredAt);
        }

        return new MoveOutcome(null, null, current, change ?? new LastChange(null, BoardEventKinds.Changed, current?.Stage ?? default, clock.GetUtcNow()), []);
    }

    /// <summary>Reps see their own opportunities; managers those of their shops; head office and admins all.</summary>
    private IQueryable<Opportunity> Visible(CrmDbContext db)
    {
        var scope = currentUser.RequireScope();
        IQueryable<Opportunity> query = db.Set<Opportunity>();
        if (scope.IsHeadOffice || scope.IsAdmin)
        {
            return query;
        }

        var shops = scope.ShopIds.ToList();
        query = query.Where(o => shops.Contains(o.ShopId));
        if (!IsManager(scope))
        {
            var me = scope.UserId;
            query = query.Where(o => o.OwnerId == me);
        }

        return query;
    }

    public static bool CanSee(UserScope scope, OpportunityCard card) =>
        scope.CanSeeOwned(new ShopId(card.ShopId), new UserId(card.OwnerId));

    private static bool IsManager(UserScope scope) => scope.IsInRole(Roles.Manager) || scope.IsAdmin;

    private static DomainRuleViolation NotFound() => new("opportunity.not-found", "That opportunity does not exist.");
}
