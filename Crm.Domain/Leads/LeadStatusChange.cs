using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Leads;

/// <summary>One change of a lead's status, kept for the history (who moved it, when, and why).</summary>
public sealed class LeadStatusChange : Entity<LeadStatusChangeId>
{
    private LeadStatusChange()
    {
    }

    internal LeadStatusChange(
        LeadStatusChangeId id, LeadId leadId, LeadStatus from, LeadStatus to, UserId? byId, string? reason, DateTimeOffset at)
    {
        Id = id;
        LeadId = leadId;
        From = from;
        To = to;
        ById = byId;
        Reason = reason;
        At = at;
    }

    public LeadId LeadId { get; private set; }

    public LeadStatus From { get; private set; }

    public LeadStatus To { get; private set; }

    /// <summary>Who changed it; null when the system did.</summary>
    public UserId? ById { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset At { get; private set; }
}
