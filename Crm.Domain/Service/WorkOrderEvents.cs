using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Service;

public sealed record WorkOrderOpened(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    ShopId ShopId,
    CustomerId CustomerId,
    WorkOrderType Type,
    WorkOrderPriority Priority,
    DateTimeOffset RequestedAt,
    DateTimeOffset SlaDueAt,
    UserId ById,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>Raised by a first assignment and by a reassignment (then <see cref="PreviousTechnicianId"/> is set).</summary>
public sealed record WorkOrderAssigned(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    UserId TechnicianId,
    UserId? PreviousTechnicianId,
    bool CapacityOverridden,
    UserId DispatcherId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record WorkOrderCheckedIn(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    UserId TechnicianId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record WorkOrderCompleted(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    UserId TechnicianId,
    TimeSpan TimeOnSite,
    bool WithinSla,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>The follow-up visit closed the work order. Carries the score, not the customer's comment.</summary>
public sealed record WorkOrderClosed(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    int Satisfaction,
    UserId ById,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record WorkOrderCancelled(
    WorkOrderId WorkOrderId,
    TenantId TenantId,
    WorkOrderStatus From,
    UserId ById,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
