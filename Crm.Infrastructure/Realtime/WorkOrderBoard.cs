using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Service;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Realtime;

/// <summary>A work order as the dispatch board, the technician's list and the service dashboard show it.</summary>
public sealed record WorkOrderCard(
    Guid Id,
    long Version,
    Guid CustomerId,
    string CustomerName,
    Guid ShopId,
    string Address,
    WorkOrderType Type,
    WorkOrderPriority Priority,
    WorkOrderStatus Status,
    string Description,
    DateTimeOffset RequestedAt,
    DateTimeOffset SlaDueAt,
    Guid? TechnicianId,
    string? TechnicianName,
    DateTimeOffset? AssignedAt,
    bool CapacityOverridden,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    string? WorkDone,
    string? PartsUsed,
    int? Satisfaction,
    DateTimeOffset? ClosedAt,
    DateTimeOffset CreatedAt)
{
    public static WorkOrderCard From(WorkOrder w, string customerName, string? technicianName) =>
        new(w.Id.Value, w.Version, w.CustomerId.Value, customerName, w.ShopId.Value, w.Address, w.Type, w.Priority, w.Status, w.Description,
            w.RequestedAt, w.SlaDueAt, w.TechnicianId?.Value, technicianName, w.AssignedAt, w.CapacityOverridden, w.CheckedInAt, w.CheckedOutAt,
            w.Report?.WorkDone, w.Report?.PartsUsed, w.Satisfaction?.Score, w.ClosedAt, w.CreatedAt);

    public bool IsOverdue(DateTimeOffset now) => Status.IsOpen() && now > SlaDueAt;

    public string ToJson() => JsonSerializer.Serialize(this);

    public static WorkOrderCard FromJson(string json) => JsonSerializer.Deserialize<WorkOrderCard>(json)!;
}

/// <summary>Reads work-order cards for a board load or one card, with one look-up each for customer and technician names.</summary>
public static class WorkOrderCards
{
    public static async Task<List<WorkOrderCard>> LoadAsync(CrmDbContext db, IQueryable<WorkOrder> workOrders, CancellationToken cancellationToken)
    {
        var rows = await workOrders.AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var customerIds = rows.Select(w => w.CustomerId).Distinct().ToList();
        var customers = await db.Set<Customer>().AsNoTracking()
            .Where(c => customerIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name })
            .ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        return rows
            .Select(w => WorkOrderCard.From(
                w, customers.GetValueOrDefault(w.CustomerId, string.Empty), w.TechnicianId is { } t ? names.GetValueOrDefault(t.Value) : null))
            .ToList();
    }

    /// <summary>The card of an aggregate in hand (saved or about to be).</summary>
    public static async Task<WorkOrderCard> OfAsync(CrmDbContext db, WorkOrder workOrder, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
        string? technician = null;
        if (workOrder.TechnicianId is { } id)
        {
            var techId = id.Value;
            technician = await db.Users.AsNoTracking().Where(u => u.Id == techId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        }

        return WorkOrderCard.From(workOrder, customer ?? string.Empty, technician);
    }
}

/// <summary>Every change of a work order rides the live engine on board "work-orders"; the owner key is the technician.</summary>
public sealed class WorkOrderBoardProjector : IBoardProjector
{
    public string Board => Boards.WorkOrders;

    public bool Handles(object entity) => entity is WorkOrder;

    public async Task<BoardCard?> ProjectAsync(CrmDbContext db, object entity, IReadOnlyCollection<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var workOrder = (WorkOrder)entity;
        var kind = events.Any(e => e is WorkOrderOpened) ? BoardEventKinds.Added : BoardEventKinds.Moved;
        var card = await WorkOrderCards.OfAsync(db, workOrder, cancellationToken);
        return new BoardCard(card.Id, card.Version, kind, card.ShopId, card.TechnicianId, card.ToJson(), null, events.Max(e => e.OccurredAt));
    }
}
