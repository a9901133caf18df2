using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Opportunities;

/// <summary>One contact with the customer about the opportunity: a call, a visit, a WeChat message.</summary>
public sealed class FollowUp : Entity<FollowUpId>
{
    private FollowUp() => Note = string.Empty;

    internal FollowUp(
        FollowUpId id, OpportunityId opportunityId, DateTimeOffset at, FollowUpChannel channel, string note, DateOnly? nextFollowUpOn, UserId byId)
    {
        Id = id;
        OpportunityId = opportunityId;
        At = at;
        Channel = channel;
        Note = note;
        NextFollowUpOn = nextFollowUpOn;
        ById = byId;
    }

    public OpportunityId OpportunityId { get; private set; }

    /// <summary>When the contact happened (may be earlier than when it was recorded).</summary>
    public DateTimeOffset At { get; private set; }

    public FollowUpChannel Channel { get; private set; }

    public string Note { get; private set; }

    public DateOnly? NextFollowUpOn { get; private set; }

    public UserId ById { get; private set; }
}
