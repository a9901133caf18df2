using System.Collections.Immutable;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;

namespace Crm.Web.Features.Approvals;

public sealed record LoadApprovalsAction;

public sealed record LoadApprovalsSucceededAction(ImmutableList<ApprovalCard> Cards);

/// <summary>A drop on Approved or Rejected, or a button: the page asks for the comment before anything is decided.</summary>
public sealed record AskDecisionAction(Guid CardId, ApprovalDecision Decision);

public sealed record CancelDecisionAction;

/// <summary>Optimistic: the reducer shows the card in its new column; the effect confirms or rolls back.</summary>
public sealed record DecideApprovalAction(Guid CardId, ApprovalDecision Decision, string? Comment, long ExpectedVersion);

public sealed record DecideApprovalSucceededAction(ApprovalCard Card);

/// <summary>Not saved: the card returns to <paramref name="Current"/> (the database's truth) and the user reads why.</summary>
public sealed record DecideApprovalFailedAction(Guid CardId, string Reason, ApprovalCard? Current);

public sealed record ApprovalChangedRemotelyAction(ApprovalCard Card);

public sealed record ApprovalRemovedRemotelyAction(Guid CardId);

public sealed record ApprovalsPresenceChangedAction(ImmutableList<PresenceEntry> Present);

public sealed record SetApprovalsFilterAction(ApprovalsFilter Filter);

public sealed record ApprovalsNoticeShownAction(int Id);
