using System.Collections.Immutable;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.WorkOrders;

[State.FeatureState]
public sealed record DispatchState
{
    public ImmutableDictionary<Guid, WorkOrderCard> Cards { get; init; } = ImmutableDictionary<Guid, WorkOrderCard>.Empty;

    public ImmutableList<TechnicianOption> Technicians { get; init; } = [];

    public bool IsLoading { get; init; }

    public bool IsLoaded { get; init; }

    /// <summary>Changes shown optimistically and not yet confirmed: card → the card as it was.</summary>
    public ImmutableDictionary<Guid, PendingDispatch> Pending { get; init; } = ImmutableDictionary<Guid, PendingDispatch>.Empty;

    /// <summary>An assignment past the technician's daily capacity: the page asks the dispatcher to confirm.</summary>
    public CapacityRequest? AwaitingCapacity { get; init; }

    public DispatchFilter Filter { get; init; } = new();

    /// <summary>Technician lanes instead of status columns.</summary>
    public bool ByTechnician { get; init; }

    public ImmutableList<PresenceEntry> Presence { get; init; } = [];

    /// <summary>The last thing the user must be told (a refusal, a conflict, a success); cleared when shown.</summary>
    public DispatchNotice? Notice { get; init; }

    public int NoticeCount { get; init; }
}

public sealed record PendingDispatch(WorkOrderCard Before, long ExpectedVersion);

public sealed record CapacityRequest(Guid CardId, Guid TechnicianId, int Open, int Capacity);

public sealed record DispatchNotice(string Message, bool IsError, int Id);

/// <summary>Filters kept in the URL: type, priority, technician, overdue only.</summary>
public sealed record DispatchFilter(WorkOrderType? Type = null, WorkOrderPriority? Priority = null, Guid? TechnicianId = null, bool OverdueOnly = false)
{
    public bool IsEmpty => Type is null && Priority is null && TechnicianId is null && !OverdueOnly;
}
