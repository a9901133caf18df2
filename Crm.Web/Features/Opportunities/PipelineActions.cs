using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.Opportunities;

public sealed record LoadPipelineAction;

/// <summary>
/// The board as loaded: the first cards of each column and, when the columns are paged, the totals of the whole
/// filtered board (<paramref name="Totals"/>; without them every card was loaded and the totals are the cards').
/// </summary>
public sealed record LoadPipelineSucceededAction(
    ImmutableList<OpportunityCard> Cards,
    PipelineSettings Settings,
    ImmutableDictionary<OpportunityStage, StageTotals>? Totals = null,
    ImmutableList<OwnerOption>? Owners = null,
    PipelineFilter? Query = null,
    DateTimeOffset LoadedAt = default,
    int PageSize = PipelineQueries.PageSize);

/// <summary>"Show more" under a column: it shows a page more cards.</summary>
public sealed record ShowMorePipelineStageAction(OpportunityStage Stage);

/// <summary>The first cards of a column, up to its new limit.</summary>
public sealed record PipelineStageLoadedAction(OpportunityStage Stage, ImmutableList<OpportunityCard> Cards);

/// <summary>Drag and drop or "Move to…": optimistic. The effect confirms or rolls back.</summary>
public sealed record MoveOpportunityAction(Guid CardId, OpportunityStage Target, long ExpectedVersion, StageCompletion? Completion = null);

public sealed record MoveOpportunitySucceededAction(OpportunityCard Card);

/// <summary>Rolled back: the card returns to <paramref name="Current"/> (the database's truth) and the user reads why.</summary>
public sealed record MoveOpportunityFailedAction(Guid CardId, string Reason, OpportunityCard? Current);

public sealed record MoveOpportunityNeedsCompletionAction(Guid CardId, OpportunityStage Target, IReadOnlyList<StageRequirement> Missing);

/// <summary>The user cancelled the details dialog: the card goes back and the user is told why.</summary>
public sealed record CancelOpportunityCompletionAction(string Reason);

/// <summary>A card changed elsewhere; <paramref name="Added"/> when it is new (a board that never loaded it counts it in).</summary>
public sealed record OpportunityChangedRemotelyAction(OpportunityCard Card, bool Added = false);

public sealed record OpportunityRemovedRemotelyAction(Guid CardId);

public sealed record PipelinePresenceChangedAction(ImmutableList<PresenceEntry> Present);

public sealed record SetPipelineFilterAction(PipelineFilter Filter);

public sealed record TogglePipelineStageFoldAction(OpportunityStage Stage);

public sealed record NoticeShownAction(int Id);
