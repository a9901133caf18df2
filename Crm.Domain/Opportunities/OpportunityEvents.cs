using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Opportunities;

public sealed record OpportunityOpened(
    OpportunityId OpportunityId,
    TenantId TenantId,
    ShopId ShopId,
    CustomerId CustomerId,
    UserId OwnerId,
    string Title,
    Money Amount,
    int Score,
    Priority Priority,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record OpportunityMoved(
    OpportunityId OpportunityId,
    TenantId TenantId,
    OpportunityStage From,
    OpportunityStage To,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>Raised by <see cref="Opportunity.Edit"/>, and by a move whose completion changed the amount or needs summary.</summary>
public sealed record OpportunityEdited(
    OpportunityId OpportunityId,
    TenantId TenantId,
    string Title,
    Money Amount,
    DateOnly ExpectedCloseDate,
    ContactId? ContactId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record OpportunityReassigned(
    OpportunityId OpportunityId,
    TenantId TenantId,
    UserId PreviousOwnerId,
    UserId OwnerId,
    UserId ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record FollowUpRecorded(
    OpportunityId OpportunityId,
    TenantId TenantId,
    FollowUpId FollowUpId,
    FollowUpChannel Channel,
    DateTimeOffset At,
    DateOnly? NextFollowUpOn,
    UserId ById,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record OpportunityScored(
    OpportunityId OpportunityId,
    TenantId TenantId,
    int Score,
    Priority Priority,
    int PreviousScore,
    Priority PreviousPriority,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record OpportunityWentStale(
    OpportunityId OpportunityId,
    TenantId TenantId,
    UserId OwnerId,
    int DaysSinceFollowUp,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
