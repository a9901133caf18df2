using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Approvals;

public sealed record ApprovalsLoad(ImmutableList<ApprovalCard> Cards, long Sequence);

/// <summary>Who decided a request first, for "Wang Fang already approved this 2 min ago".</summary>
public sealed record LastDecision(string? ActorName, ApprovalStatus Status, bool IsAutomatic, string? Comment, DateTimeOffset At);

/// <summary>The outcome of a decision: done, refused by a rule (with the current truth), or a conflict (someone decided first).</summary>
public sealed record DecisionOutcome(ApprovalCard? Decided, DomainRuleViolation? Refusal, ApprovalCard? Current, LastDecision? Conflict)
{
    public static DecisionOutcome Done(ApprovalCard card) => new(card, null, null, null);
}

/// <summary>
/// The approvals board's use cases: load what the user may see, decide a request. A decision is the
/// request's Approve/Reject, then the outcome registered for its kind (a pool claim gives the customer),
/// then one SaveChanges: a refusal or a conflict saves nothing.
/// </summary>
public sealed class ApprovalCommands(
    IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock, IEnumerable<IApprovalOutcome> outcomes)
{
    private readonly Dictionary<ApprovalKind, IApprovalOutcome> _outcomes = outcomes.ToDictionary(o => o.Kind);

    public async Task<ApprovalsLoad> LoadBoardAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Sequence first (see OpportunityCommands.LoadBoardAsync): re-applying an event is harmless, missing one is not.
        var sequence = await OpportunityCards.CurrentSequenceAsync(db, Boards.Approvals, cancellationToken);
        var cards = await ApprovalCards.LoadAsync(db, Visible(db), cancellationToken);
        return new ApprovalsLoad([.. cards], sequence);
    }

    public async Task<ApprovalCard?> LoadCardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requestId = new ApprovalRequestId(id);
        return (await ApprovalCards.LoadAsync(db, Visible(db).Where(r => r.Id == requestId), cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Approves or rejects a request the user still sees at <paramref name="expectedVersion"/>. Only
    /// managers and admins decide, never their own request; a rejection needs a comment.
    /// </summary>
    public async Task<DecisionOutcome> DecideAsync(
        Guid id, ApprovalDecision decision, string? comment, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requestId = new ApprovalRequestId(id);
        var request = await Visible(db).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return new DecisionOutcome(null, NotFound(), null, null);
        }

        if (!CanDecide(scope))
        {
            return new DecisionOutcome(null, new DomainRuleViolation("approval.not-an-approver", "Only managers and admins decide requests."), null, null);
        }

        if (request.Version != expectedVersion)
        {
            return await ConflictAsync(db, id, cancellationToken);
        }

        try
        {
            var now = clock.GetUtcNow();
            var outcome = _outcomes.GetValueOrDefault(request.Kind);
            if (decision == ApprovalDecision.Approve)
            {
                request.Approve(scope.UserId, comment, now);
                if (outcome is not null)
                {
                    await outcome.OnApprovedAsync(db, request, now, cancellationToken);
                }
            }
            else
            {
                request.Reject(scope.UserId, comment ?? string.Empty, now);
                if (outcome is not null)
                {
                    await outcome.OnRejectedAsync(db, request, now, cancellationToken);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleViolation violation)
        {
            return new DecisionOutcome(null, violation, await LoadCardAsync(id, cancellationToken), null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return await ConflictAsync(fresh, id, cancellationToken);
        }

        return DecisionOutcome.Done(await ApprovalCards.OfAsync(db, request, cancellationToken));
    }

    private async Task<DecisionOutcome> ConflictAsync(CrmDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var current = await LoadCardAsync(id, cancellationToken);
        LastDecision? decided = null;
        if (await BoardOutbox.LastEventAsync(db, Boards.Approvals, id, cancellationToken) is { } boardEvent)
        {
            var card = ApprovalCard.FromJson(boardEvent.CardJson!);
            decided = new LastDecision(card.DeciderName ?? boardEvent.ActorName, card.Status, card.IsAutomatic, card.Comment, boardEvent.OccurredAt);
        }

        decided ??= new LastDecision(
            current?.DeciderName, current?.Status ?? ApprovalStatus.Pending, current?.IsAutomatic ?? false, current?.Comment, current?.DecidedAt ?? clock.GetUtcNow());
        return new DecisionOutcome(null, null, current, decided);
    }

    /// <summary>
    /// Requesters see their own requests; managers those of their shops; head office and admins all (as on
    /// the pipeline, and as the hub's groups deliver them). Only managers and admins decide.
    /// </summary>
    private IQueryable<ApprovalRequest> Visible(CrmDbContext db)
    {
        var scope = currentUser.RequireScope();
        IQueryable<ApprovalRequest> query = db.Set<ApprovalRequest>();
        if (scope.IsHeadOffice || scope.IsAdmin)
        {
            return query;
        }

        var me = scope.UserId;
        if (!scope.IsInRole(Roles.Manager))
        {
            return query.Where(r => r.RequesterId == me);
        }

        var shops = scope.ShopIds.ToList();
        return query.Where(r => r.RequesterId == me || shops.Contains(r.ShopId));
    }

    /// <summary>The same rule as <see cref="Visible"/>, for a live event's card.</summary>
    public static bool CanSee(UserScope scope, ApprovalCard card) =>
        scope.IsHeadOffice || scope.IsAdmin || card.RequesterId == scope.UserId.Value
        || (scope.IsInRole(Roles.Manager) && scope.CanSeeShop(new ShopId(card.ShopId)));

    public static bool CanDecide(UserScope scope) => scope.IsInRole(Roles.Manager) || scope.IsAdmin;

    private static DomainRuleViolation NotFound() => new("approval.not-found", "That request does not exist.");
}
