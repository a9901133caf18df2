using System.Text.Json;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// An approval request as the approvals board shows it: the payload of its board events and of the
/// board load. <see cref="DeciderName"/> is null while pending and for automatic rejections.
/// </summary>
public sealed record ApprovalCard(
    Guid Id,
    long Version,
    ApprovalKind Kind,
    ApprovalStatus Status,
    string SubjectType,
    Guid SubjectId,
    string SubjectTitle,
    string Reason,
    Guid RequesterId,
    string RequesterName,
    Guid ShopId,
    DateTimeOffset CreatedAt,
    Guid? DecidedById,
    string? DeciderName,
    DateTimeOffset? DecidedAt,
    string? Comment)
{
    /// <summary>Rejected by the system (a competing claim won, the subject went away), not by a person.</summary>
    public bool IsAutomatic => Status == ApprovalStatus.Rejected && DecidedById is null;

    public static ApprovalCard From(ApprovalRequest r, string requesterName, string? deciderName) =>
        new(r.Id.Value, r.Version, r.Kind, r.Status, r.Subject.Type, r.Subject.Id, r.Subject.Title, r.Reason, r.RequesterId.Value, requesterName,
            r.ShopId.Value, r.CreatedAt, r.DecidedById?.Value, deciderName, r.DecidedAt, r.Comment);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ApprovalCard FromJson(string json) => JsonSerializer.Deserialize<ApprovalCard>(json)!;
}

/// <summary>Reads approval cards for a board load or a single card: the requests, then one query for the names.</summary>
public static class ApprovalCards
{
    public static async Task<List<ApprovalCard>> LoadAsync(CrmDbContext db, IQueryable<ApprovalRequest> requests, CancellationToken cancellationToken)
    {
        var rows = await requests.AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        return rows.Select(r => Of(r, names)).ToList();
    }

    /// <summary>The card of a request in hand (as it is now, saved or about to be).</summary>
    public static async Task<ApprovalCard> OfAsync(CrmDbContext db, ApprovalRequest request, CancellationToken cancellationToken)
    {
        var ids = new List<Guid> { request.RequesterId.Value };
        if (request.DecidedById is { } decider)
        {
            ids.Add(decider.Value);
        }

        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return Of(request, names);
    }

    private static ApprovalCard Of(ApprovalRequest request, IReadOnlyDictionary<Guid, string> names) =>
        ApprovalCard.From(
            request,
            names.GetValueOrDefault(request.RequesterId.Value, string.Empty),
            request.DecidedById is { } decider ? names.GetValueOrDefault(decider.Value, string.Empty) : null);
}

/// <summary>
/// Every change of a request (submitted, approved, rejected, rejected automatically) goes onto the
/// "approvals" board: Added when submitted, Moved when decided (it changes column). Visibility keys:
/// the request's shop and its requester.
/// </summary>
public sealed class ApprovalBoardProjector : IBoardProjector
{
    public string Board => Boards.Approvals;

    public bool Handles(object entity) => entity is ApprovalRequest;

    public async Task<BoardCard?> ProjectAsync(CrmDbContext db, object entity, IReadOnlyCollection<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var request = (ApprovalRequest)entity;
        var kind = events.Any(e => e is ApprovalRequested) ? BoardEventKinds.Added
            : events.Any(e => e is ApprovalApproved or ApprovalRejected) ? BoardEventKinds.Moved
            : BoardEventKinds.Changed;
        var card = await ApprovalCards.OfAsync(db, request, cancellationToken);
        return new BoardCard(card.Id, card.Version, kind, card.ShopId, card.RequesterId, card.ToJson(), null, events.Max(e => e.OccurredAt));
    }
}
