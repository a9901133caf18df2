using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Opportunities;

/// <summary>One move of the opportunity between stages, kept for the history and for funnel analytics.</summary>
public sealed class StageChange : Entity<StageChangeId>
{
    private StageChange()
    {
    }

    internal StageChange(
        StageChangeId id, OpportunityId opportunityId, OpportunityStage from, OpportunityStage to, UserId byId, DateTimeOffset at)
    {
        Id = id;
        OpportunityId = opportunityId;
        From = from;
        To = to;
        ById = byId;
        At = at;
        IsBackwards = IsBackwardsMove(from, to);
    }

    public OpportunityId OpportunityId { get; private set; }

    public OpportunityStage From { get; private set; }

    public OpportunityStage To { get; private set; }

    public UserId ById { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>
    /// The move went back in the process: to an earlier open stage, or out of Won/Lost (a reopen).
    /// Moving into Lost is an outcome, not a step back.
    /// </summary>
    public bool IsBackwards { get; private set; }

    internal static bool IsBackwardsMove(OpportunityStage from, OpportunityStage to) =>
        to.IsOpen() && (from.IsClosed() || to < from);
}
