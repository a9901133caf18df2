using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// An opportunity as the pipeline board shows it: the payload of its board events and of the board load.
/// <paramref name="MovedFrom"/> is set on the event of a move: a board that never loaded the card (its column is
/// paged) still takes it off the column it left.
/// </summary>
public sealed record OpportunityCard(
    Guid Id,
    long Version,
    string Title,
    Guid CustomerId,
    string CustomerName,
    decimal Amount,
    string Currency,
    OpportunityStage Stage,
    Guid OwnerId,
    string OwnerName,
    Guid ShopId,
    DateOnly ExpectedCloseDate,
    int Score,
    Priority Priority,
    DateTimeOffset? LastFollowedUpAt,
    DateTimeOffset StageEnteredAt,
    DateTimeOffset CreatedAt,
    OpportunityStage? MovedFrom = null)
{
    public static OpportunityCard From(Opportunity o, string customerName, string ownerName) =>
        new(o.Id.Value, o.Version, o.Title, o.CustomerId.Value, customerName, o.Amount.Amount, o.Amount.Currency, o.Stage, o.OwnerId.Value, ownerName,
            o.ShopId.Value, o.ExpectedCloseDate, o.Score, o.Priority, o.LastFollowedUpAt, o.StageEnteredAt, o.CreatedAt);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static OpportunityCard FromJson(string json) => JsonSerializer.Deserialize<OpportunityCard>(json)!;
}

/// <summary>Reads opportunity cards for a board load or a single card, in one query each for names.</summary>
public static class OpportunityCards
{
    public static async Task<List<OpportunityCard>> LoadAsync(CrmDbContext db, IQueryable<Opportunity> opportunities, CancellationToken cancellationToken)
    {
        var rows = await opportunities.AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var customerIds = rows.Select(o => o.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var owners = await OwnerNamesAsync(db, cancellationToken);
        return rows
            .Select(o => OpportunityCard.From(o, customers.GetValueOrDefault(o.CustomerId, string.Empty), owners.GetValueOrDefault(o.OwnerId.Value, string.Empty)))
            .ToList();
    }

    /// <summary>The card of an aggregate in hand (as it is now, saved or about to be): its two names in one look-up.</summary>
    public static async Task<OpportunityCard> OfAsync(CrmDbContext db, Opportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(opportunity);
        var customerId = opportunity.CustomerId;
        var ownerId = opportunity.OwnerId.Value;
        // The customer always exists (the foreign key restricts deleting it), so its row carries the owner's name too.
        var names = await db.Set<Customer>().AsNoTracking()
            .Where(c => c.Id == customerId)
            .Select(c => new { Customer = c.Name, Owner = db.Users.Where(u => u.Id == ownerId).Select(u => u.DisplayName).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        return OpportunityCard.From(opportunity, names?.Customer ?? string.Empty, names?.Owner ?? string.Empty);
    }

    public static Task<Dictionary<Guid, string>> OwnerNamesAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    /// <summary>The board sequence the database is at now: a load that reads it in the same snapshot reflects every event up to it.</summary>
    public static Task<long> CurrentSequenceAsync(CrmDbContext db, string board, CancellationToken cancellationToken)
    {
        var key = BoardSequence.KeyOf(db.CurrentTenantId.Value, board);
        return db.Set<BoardSequence>().Where(s => s.Key == key).Select(s => s.Last).FirstOrDefaultAsync(cancellationToken);
    }
}

public sealed class OpportunityBoardProjector : IBoardProjector
{
    public string Board => Boards.Opportunities;

    public bool Handles(object entity) => entity is Opportunity;

    public async Task<BoardCard?> ProjectAsync(CrmDbContext db, object entity, IReadOnlyCollection<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var opportunity = (Opportunity)entity;
        var kind = events.Any(e => e is OpportunityOpened) ? BoardEventKinds.Added
            : events.Any(e => e is OpportunityMoved) ? BoardEventKinds.Moved
            : BoardEventKinds.Changed;
        var card = await OpportunityCards.OfAsync(db, opportunity, cancellationToken);
        if (events.OfType<OpportunityMoved>().FirstOrDefault() is { } moved)
        {
            card = card with { MovedFrom = moved.From };
        }

        var occurredAt = events.Max(e => e.OccurredAt);
        return new BoardCard(card.Id, card.Version, kind, card.ShopId, card.OwnerId, card.ToJson(), null, occurredAt);
    }
}
