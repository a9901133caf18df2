using System.Collections.Immutable;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.WorkOrders;

public sealed record LoadDispatchAction;

public sealed record LoadDispatchSucceededAction(ImmutableList<WorkOrderCard> Cards, ImmutableList<TechnicianOption> Technicians);

/// <summary>Drop on a technician's lane or "Assign to…": optimistic. <paramref name="OverCapacityConfirmed"/> after the dispatcher confirmed.</summary>
public sealed record AssignWorkOrderAction(Guid CardId, Guid TechnicianId, long ExpectedVersion, bool OverCapacityConfirmed = false);

/// <summary>Drop on a status column, "Move to…", check in, check out or the follow-up visit: optimistic.</summary>
public sealed record MoveWorkOrderAction(Guid CardId, WorkOrderStatus Target, long ExpectedVersion, WorkOrderDetails? Details = null);

/// <summary>"New work order": the effect opens it; the board shows it when saved.</summary>
public sealed record CreateWorkOrderAction(NewWorkOrder WorkOrder);

public sealed record WorkOrderSavedAction(WorkOrderCard Card, string? Message = null);

/// <summary>Rolled back: the card returns to <paramref name="Current"/> (the database's truth) and the user reads why.</summary>
public sealed record WorkOrderRefusedAction(Guid CardId, string Reason, WorkOrderCard? Current);

/// <summary>The technician is at capacity: the card waits where it was dropped while the dispatcher decides.</summary>
public sealed record WorkOrderOverCapacityAction(Guid CardId, Guid TechnicianId, int Open, int Capacity);

/// <summary>The dispatcher did not confirm the assignment past capacity: the card goes back.</summary>
public sealed record DeclineOverCapacityAction(string Reason);

public sealed record WorkOrderChangedRemotelyAction(WorkOrderCard Card);

public sealed record WorkOrderRemovedRemotelyAction(Guid CardId);

public sealed record DispatchPresenceChangedAction(ImmutableList<PresenceEntry> Present);

public sealed record SetDispatchFilterAction(DispatchFilter Filter);

public sealed record SetDispatchViewAction(bool ByTechnician);

public sealed record SetTechnicianOffDutyAction(Guid TechnicianId, bool OffDuty);

public sealed record TechnicianUpdatedAction(TechnicianOption Technician);

public sealed record DispatchNoticeShownAction(int Id);
