using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.Approvals;

[State.FeatureState]
public sealed record ApprovalsState
{
    public ImmutableDictionary<Guid, ApprovalCard> Cards { get; init; } = ImmutableDictionary<Guid, ApprovalCard>.Empty;

    public bool IsLoading { get; init; }

    public bool IsLoaded { get; init; }

    /// <summary>Decisions shown optimistically and not yet confirmed: card → the decision and the version it was made on.</summary>
    public ImmutableDictionary<Guid, PendingDecision> Pending { get; init; } = ImmutableDictionary<Guid, PendingDecision>.Empty;

    /// <summary>A decision the user started (a drop or a button): the page asks for the comment.</summary>
    public DecisionRequest? AwaitingDecision { get; init; }

    public ApprovalsFilter Filter { get; init; } = new();

    public ImmutableList<PresenceEntry> Presence { get; init; } = [];

    /// <summary>The last thing the user must be told (a decision not saved and why); cleared when shown.</summary>
    public ApprovalsNotice? Notice { get; init; }
}

public enum ApprovalDecision
{
    Approve,
    Reject,
}

public sealed record PendingDecision(ApprovalDecision Decision, long ExpectedVersion);

public sealed record DecisionRequest(Guid CardId, ApprovalDecision Decision);

public sealed record ApprovalsNotice(string Message, bool IsError, int Id);

/// <summary>Filters kept in the URL: kind and status.</summary>
public sealed record ApprovalsFilter(ApprovalKind? Kind = null, ApprovalStatus? Status = null)
{
    public bool IsEmpty => Kind is null && Status is null;
}

public static class ApprovalDecisions
{
    /// <summary>The column a decision puts a card in.</summary>
    public static ApprovalStatus Target(this ApprovalDecision decision) =>
        decision == ApprovalDecision.Approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
}
