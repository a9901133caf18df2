using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.Opportunities;

public sealed record LoadPipelineAction;

public sealed record LoadPipelineSucceededAction(ImmutableList<OpportunityCard> Cards, PipelineSettings Settings);

/// <summary>Drag and drop or "Move to…": optimistic. The effect confirms or rolls back.</summary>
public sealed record MoveOpportunityAction(Guid CardId, OpportunityStage Target, long ExpectedVersion, StageCompletion? Completion = null);

public sealed record MoveOpportunitySucceededAction(OpportunityCard Card);

/// <summary>Rolled back: the card returns to <paramref name="Current"/> (the database's truth) and the user reads why.</summary>
public sealed record MoveOpportunityFailedAction(Guid CardId, string Reason, OpportunityCard? Current);

public sealed record MoveOpportunityNeedsCompletionAction(Guid CardId, OpportunityStage Target, IReadOnlyList<StageRequirement> Missing);

/// <summary>The user cancelled the details dialog: the card goes back and the user is told why.</summary>
public sealed record CancelOpportunityCompletionAction(string Reason);

public sealed record OpportunityChangedRemotelyAction(OpportunityCard Card);

public sealed record OpportunityRemovedRemotelyAction(Guid CardId);

public sealed record PipelinePresenceChangedAction(ImmutableList<PresenceEntry> Present);

public sealed record SetPipelineFilterAction(PipelineFilter Filter);

public sealed record TogglePipelineStageFoldAction(OpportunityStage Stage);

public sealed record NoticeShownAction(int Id);
