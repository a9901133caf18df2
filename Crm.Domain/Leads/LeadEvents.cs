using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Leads;

/// <summary>Raised by <see cref="Lead.Capture"/> (no owner, Unassigned) and <see cref="Lead.CreateFor"/> (owner, Pending).</summary>
public sealed record LeadCaptured(
    LeadId LeadId,
    TenantId TenantId,
    ShopId ShopId,
    string Name,
    string? Company,
    SourceChannel Source,
    LeadStatus Status,
    UserId? OwnerId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadAssigned(
    LeadId LeadId,
    TenantId TenantId,
    LeadStatus From,
    UserId? PreviousOwnerId,
    UserId OwnerId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadReturned(
    LeadId LeadId,
    TenantId TenantId,
    LeadStatus From,
    UserId PreviousOwnerId,
    string? Reason,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadFollowedUp(
    LeadId LeadId,
    TenantId TenantId,
    LeadStatus From,
    UserId ById,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadMarkedInvalid(
    LeadId LeadId,
    TenantId TenantId,
    LeadStatus From,
    string Reason,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadRevived(
    LeadId LeadId,
    TenantId TenantId,
    UserId? OwnerId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadVoided(
    LeadId LeadId,
    TenantId TenantId,
    LeadStatus From,
    string Reason,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadRestored(
    LeadId LeadId,
    TenantId TenantId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record LeadConverted(
    LeadId LeadId,
    TenantId TenantId,
    CustomerId CustomerId,
    ContactId ContactId,
    OpportunityId? OpportunityId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
