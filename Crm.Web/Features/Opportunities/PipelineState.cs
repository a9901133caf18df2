using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.Opportunities;

[State.FeatureState]
public sealed record PipelineState
{
    public ImmutableDictionary<Guid, OpportunityCard> Cards { get; init; } = ImmutableDictionary<Guid, OpportunityCard>.Empty;

    public bool IsLoading { get; init; }

    public bool IsLoaded { get; init; }

    /// <summary>Moves shown optimistically and not yet confirmed: card → where it was.</summary>
    public ImmutableDictionary<Guid, PendingMove> Pending { get; init; } = ImmutableDictionary<Guid, PendingMove>.Empty;

    /// <summary>A drop the blueprint needs more details for: the page asks for exactly these.</summary>
    public CompletionRequest? AwaitingCompletion { get; init; }

    public PipelineFilter Filter { get; init; } = new();

    public ImmutableHashSet<OpportunityStage> Folded { get; init; } = [];

    public ImmutableList<PresenceEntry> Presence { get; init; } = [];

    public PipelineSettings Settings { get; init; } = PipelineSettings.Default;

    /// <summary>Per-column figures of the whole filtered board (from SQL), kept right by every change applied since.</summary>
    public ImmutableDictionary<OpportunityStage, StageTotals> Totals { get; init; } = ImmutableDictionary<OpportunityStage, StageTotals>.Empty;

    /// <summary>Cards a column loads at first and per "Show more".</summary>
    public int PageSize { get; init; } = PipelineQueries.PageSize;

    /// <summary>How many cards each column loads: <see cref="PageSize"/> until "Show more".</summary>
    public ImmutableDictionary<OpportunityStage, int> Limits { get; init; } = ImmutableDictionary<OpportunityStage, int>.Empty;

    /// <summary>The owner filter's choices: who owns what the user may see.</summary>
    public ImmutableList<OwnerOption> Owners { get; init; } = [];

    /// <summary>The filter the loaded cards and totals answer, with the shell's shop resolved.</summary>
    public PipelineFilter Query { get; init; } = new();

    /// <summary>When the board was loaded: the clock for staleness and due dates in the totals.</summary>
    public DateTimeOffset LoadedAt { get; init; }

    /// <summary>The last thing the user must be told (a rollback and why); cleared when shown.</summary>
    public PipelineNotice? Notice { get; init; }
}

public static class PipelineStateExtensions
{
    public static int LimitOf(this PipelineState state, OpportunityStage stage) => state.Limits.GetValueOrDefault(stage, state.PageSize);

    public static StageTotals TotalsOf(this PipelineState state, OpportunityStage stage) => state.Totals.GetValueOrDefault(stage) ?? StageTotals.Empty(stage);
}

public sealed record PendingMove(OpportunityStage From, OpportunityStage To, long ExpectedVersion);

public sealed record CompletionRequest(Guid CardId, OpportunityStage Target, ImmutableList<StageRequirement> Missing);

public sealed record PipelineNotice(string Message, bool IsError, int Id);

/// <summary>Filters kept in the URL: owner, shop, priority, stale only, text.</summary>
public sealed record PipelineFilter(Guid? OwnerId = null, Guid? ShopId = null, Priority? Priority = null, bool StaleOnly = false, string? Text = null)
{
    public bool IsEmpty => OwnerId is null && ShopId is null && Priority is null && !StaleOnly && string.IsNullOrWhiteSpace(Text);
}
