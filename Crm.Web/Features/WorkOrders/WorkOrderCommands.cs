using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.WorkOrders;

/// <summary>A technician as the dispatch board shows a lane: open workload is counted from the cards.</summary>
public sealed record TechnicianOption(Guid Id, string UserName, string DisplayName, bool IsOffDuty, int DailyCapacity);

public sealed record DispatchLoad(ImmutableList<WorkOrderCard> Cards, ImmutableList<TechnicianOption> Technicians, long Sequence);

/// <summary>What the user asked for with a move: the reason to cancel, the report to check out, the rating to close.</summary>
public sealed record WorkOrderDetails(string? Reason = null, string? WorkDone = null, string? PartsUsed = null, int? Satisfaction = null, string? Comment = null);

/// <summary>A work order the dispatcher opens: the domain checks address and description.</summary>
public sealed record NewWorkOrder(Guid CustomerId, WorkOrderType Type, WorkOrderPriority Priority, string? Address, string? Description);

/// <summary>Who changed a work order last, for "Chen Jing assigned this to Liu Yang 3 s ago".</summary>
public sealed record WorkOrderLastChange(string? ActorName, WorkOrderStatus Status, string? TechnicianName, DateTimeOffset At);

/// <summary>The technician already has this many open work orders against this daily capacity.</summary>
public sealed record CapacityCheck(Guid TechnicianId, int Open, int Capacity);

/// <summary>The outcome of an assignment or a move: done, refused (with the current truth), a conflict, or over capacity.</summary>
public sealed record DispatchOutcome(
    WorkOrderCard? Done, DomainRuleViolation? Refusal, WorkOrderCard? Current, WorkOrderLastChange? Conflict, CapacityCheck? OverCapacity)
{
    public static DispatchOutcome Saved(WorkOrderCard card) => new(card, null, null, null, null);
}

/// <summary>
/// The dispatch board's use cases: load what the user may see, call one work-order method, save (which
/// publishes on the live engine). A stale version is a conflict; nothing is written.
/// </summary>
public sealed class WorkOrderCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public const string AssignedMessageKey = "Notification.WorkOrderAssigned";
    public const string TechnicianLink = "/my/work-orders";

    public async Task<DispatchLoad> LoadBoardAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Sequence first (see OpportunityCommands.LoadBoardAsync).
        var sequence = await OpportunityCards.CurrentSequenceAsync(db, Boards.WorkOrders, cancellationToken);
        var cards = await WorkOrderCards.LoadAsync(db, Visible(db), cancellationToken);
        return new DispatchLoad([.. cards], await TechniciansAsync(db, cancellationToken), sequence);
    }

    public async Task<WorkOrderCard?> LoadCardAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workOrderId = new WorkOrderId(id);
        return (await WorkOrderCards.LoadAsync(db, Visible(db).Where(w => w.Id == workOrderId), cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// Sends a technician (a New order) or another technician (an Assigned one). Past the technician's
    /// daily capacity the dispatcher must confirm first; the confirmed override is recorded on the order.
    /// The technician gets a notification in the same save.
    /// </summary>
    public Task<DispatchOutcome> AssignAsync(
        Guid id, Guid technicianId, long expectedVersion, bool overCapacityConfirmed, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        return ChangeAsync(id, expectedVersion, async (db, workOrder, now) =>
        {
            if (!WorkOrderAccess.CanDispatch(scope))
            {
                throw new DomainRuleViolation("workorder.dispatch-requires-dispatcher", "Only a dispatcher or a supervisor assigns work orders.");
            }

            var technician = (await TechniciansAsync(db, cancellationToken)).FirstOrDefault(t => t.Id == technicianId)
                ?? throw new DomainRuleViolation("workorder.technician-unknown", "That technician does not exist.");
            var techId = new UserId(technicianId);
            var open = await db.WorkOrders.CountAsync(
                w => w.TechnicianId == techId && w.Id != workOrder.Id && (w.Status == WorkOrderStatus.Assigned || w.Status == WorkOrderStatus.InProgress),
                cancellationToken);
            var exceeds = TechnicianCapacity.Exceeds(open, technician.DailyCapacity);
            if (exceeds && !overCapacityConfirmed && !technician.IsOffDuty)
            {
                return new CapacityCheck(technicianId, open, technician.DailyCapacity);
            }

            if (workOrder.Status == WorkOrderStatus.Assigned)
            {
                workOrder.Reassign(techId, !technician.IsOffDuty, scope.UserId, now, exceeds);
            }
            else
            {
                workOrder.AssignTo(techId, !technician.IsOffDuty, scope.UserId, now, exceeds);
            }

            if (workOrder.DomainEvents.Count > 0)
            {
                var customer = await db.Customers.AsNoTracking().Where(c => c.Id == workOrder.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
                db.Notifications.Add(Notification.Send(
                    scope.TenantId, techId, AssignedMessageKey, [currentUser.DisplayName, customer ?? string.Empty, workOrder.Address], TechnicianLink, now));
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>Check in, check out with the report, the follow-up visit, or cancel: whichever step leads to <paramref name="target"/>.</summary>
    public Task<DispatchOutcome> MoveAsync(
        Guid id, WorkOrderStatus target, long expectedVersion, WorkOrderDetails? details, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        details ??= new WorkOrderDetails();
        return ChangeAsync(id, expectedVersion, (_, workOrder, now) =>
        {
            switch (target)
            {
                case WorkOrderStatus.InProgress:
                    workOrder.CheckIn(scope.UserId, now);
                    break;
                case WorkOrderStatus.Completed:
                    workOrder.CheckOut(scope.UserId, ServiceReport.Create(details.WorkDone, details.PartsUsed), now);
                    break;
                case WorkOrderStatus.Closed:
                    if (!WorkOrderAccess.CanRecordFollowUp(scope))
                    {
                        throw new DomainRuleViolation("workorder.follow-up-requires-supervisor", "Only a supervisor records the follow-up visit.");
                    }

                    workOrder.RecordFollowUpVisit(details.Satisfaction ?? 0, details.Comment, scope.UserId, now);
                    break;
                case WorkOrderStatus.Cancelled:
                    if (!WorkOrderAccess.CanDispatch(scope))
                    {
                        throw new DomainRuleViolation("workorder.dispatch-requires-dispatcher", "Only a dispatcher or a supervisor cancels work orders.");
                    }

                    workOrder.Cancel(details.Reason ?? string.Empty, scope.UserId, now);
                    break;
                case WorkOrderStatus.Assigned:
                    throw new DomainRuleViolation("workorder.assign-needs-technician", "Choose the technician: use “Assign to…” or drop the order on a technician's lane.");
                default:
                    throw new DomainRuleViolation("workorder.cannot-move-back", "A work order does not go back to New.");
            }

            return Task.FromResult<CapacityCheck?>(null);
        }, cancellationToken);
    }

    /// <summary>Opens a work order for a customer the dispatcher may see, in that customer's shop, due by the SLA of its priority.</summary>
    public async Task<DispatchOutcome> OpenAsync(NewWorkOrder input, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            if (!WorkOrderAccess.CanDispatch(scope))
            {
                throw new DomainRuleViolation("workorder.dispatch-requires-dispatcher", "Only a dispatcher or a supervisor opens work orders.");
            }

            var customerId = new Domain.Customers.CustomerId(input.CustomerId);
            var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
            if (customer is null || !scope.CanSeeShop(customer.ShopId))
            {
                throw new DomainRuleViolation("workorder.customer-required", "Choose the customer.");
            }

            var now = clock.GetUtcNow();
            var workOrder = WorkOrder.Open(
                WorkOrderId.New(), scope.TenantId, customer.ShopId, customer.Id, null, input.Address ?? string.Empty, input.Type, input.Priority,
                input.Description ?? string.Empty, now, await TenantSettings.SlaAsync(db, cancellationToken), scope.UserId, now);
            db.WorkOrders.Add(workOrder);
            await db.SaveChangesAsync(cancellationToken);
            return DispatchOutcome.Saved(await SavedCardAsync(db, workOrder, cancellationToken));
        }
        catch (DomainRuleViolation violation)
        {
            return new DispatchOutcome(null, violation, null, null, null);
        }
    }

    /// <summary>Marks a technician off duty (cannot be assigned) or back on duty. Dispatchers and supervisors only.</summary>
    public async Task<TechnicianOption?> SetOffDutyAsync(Guid technicianId, bool offDuty, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        if (!WorkOrderAccess.CanDispatch(scope))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!(await TechniciansAsync(db, cancellationToken)).Any(t => t.Id == technicianId))
        {
            return null;
        }

        var user = await db.Users.SingleAsync(u => u.Id == technicianId, cancellationToken);
        user.IsOffDuty = offDuty;
        await db.SaveChangesAsync(cancellationToken);
        return (await TechniciansAsync(db, cancellationToken)).Single(t => t.Id == technicianId);
    }

    private async Task<DispatchOutcome> ChangeAsync(
        Guid id, long expectedVersion, Func<CrmDbContext, WorkOrder, DateTimeOffset, Task<CapacityCheck?>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var workOrderId = new WorkOrderId(id);
        var workOrder = await Visible(db).SingleOrDefaultAsync(w => w.Id == workOrderId, cancellationToken);
        if (workOrder is null)
        {
            return new DispatchOutcome(null, NotFound(), null, null, null);
        }

        if (workOrder.Version != expectedVersion)
        {
            return await ConflictAsync(db, id, cancellationToken);
        }

        try
        {
            var overCapacity = await change(db, workOrder, clock.GetUtcNow());
            if (overCapacity is not null)
            {
                return new DispatchOutcome(null, null, null, null, overCapacity);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainRuleViolation violation)
        {
            return new DispatchOutcome(null, violation, await LoadCardAsync(id, cancellationToken), null, null);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            return await ConflictAsync(fresh, id, cancellationToken);
        }

        return DispatchOutcome.Saved(await SavedCardAsync(db, workOrder, cancellationToken));
    }

    private async Task<DispatchOutcome> ConflictAsync(CrmDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var current = await LoadCardAsync(id, cancellationToken);
        var last = await BoardOutbox.LastEventAsync(db, Boards.WorkOrders, id, cancellationToken);
        WorkOrderLastChange change;
        if (last is { } boardEvent)
        {
            var card = WorkOrderCard.FromJson(boardEvent.CardJson!);
            change = new WorkOrderLastChange(boardEvent.ActorName, card.Status, card.TechnicianName, boardEvent.OccurredAt);
        }
        else
        {
            change = new WorkOrderLastChange(null, current?.Status ?? WorkOrderStatus.New, current?.TechnicianName, clock.GetUtcNow());
        }

        return new DispatchOutcome(null, null, current, change, null);
    }

    /// <summary>Dispatchers and supervisors see their shops' work orders; a technician only those assigned to them.</summary>
    private IQueryable<WorkOrder> Visible(CrmDbContext db)
    {
        var scope = currentUser.RequireScope();
        IQueryable<WorkOrder> query = db.WorkOrders;
        if (!(scope.IsHeadOffice || scope.IsAdmin))
        {
            var shops = scope.ShopIds.ToList();
            query = query.Where(w => shops.Contains(w.ShopId));
        }

        if (!WorkOrderAccess.CanDispatch(scope))
        {
            var me = scope.UserId;
            query = query.Where(w => w.TechnicianId == me);
        }

        return query;
    }

    private static async Task<ImmutableList<TechnicianOption>> TechniciansAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.AsNoTracking().Where(r => r.Name == Roles.Technician).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var ids = db.UserRoles.Where(r => r.RoleId == roleId).Select(r => r.UserId);
        var technicians = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && !u.IsDisabled)
            .OrderBy(u => u.DisplayName)
            .Select(u => new TechnicianOption(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.IsOffDuty, u.DailyCapacity))
            .ToListAsync(cancellationToken);
        return [.. technicians];
    }

    public static bool CanSee(UserScope scope, WorkOrderCard card) =>
        WorkOrderAccess.CanSee(scope, new ShopId(card.ShopId), card.TechnicianId is { } t ? new UserId(t) : null);

    private static DomainRuleViolation NotFound() => new("workorder.not-found", "That work order does not exist.");

    /// <summary>The card the save projected for the board (as the pipeline's moves do), or read when the save wrote no board event.</summary>
    private static async Task<WorkOrderCard> SavedCardAsync(CrmDbContext db, WorkOrder workOrder, CancellationToken cancellationToken) =>
        BoardOutbox.SavedCardJson(db, Boards.WorkOrders, workOrder.Id.Value) is { } json
            ? WorkOrderCard.FromJson(json)
            : await WorkOrderCards.OfAsync(db, workOrder, cancellationToken);
}
