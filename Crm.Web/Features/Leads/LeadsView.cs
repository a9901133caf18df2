using Crm.Domain.Leads;
using Crm.Domain.Organization;

namespace Crm.Web.Features.Leads;

/// <summary>What a user can do to a lead from its row menu.</summary>
public enum LeadVerb
{
    Take,
    Assign,
    FollowUp,
    Convert,
    MarkInvalid,
    Revive,
    Return,
    Void,
    Restore,
}

/// <summary>
/// The row menu: the verbs the lead's status admits (Crm.Domain/Leads), for its owner or a manager.
/// Restore is offered on every voided lead; the domain answers a non-admin with its reason.
/// </summary>
public static class LeadsView
{
    public static IReadOnlyList<LeadVerb> VerbsFor(LeadRow row, UserScope? scope)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (scope is null)
        {
            return [];
        }

        var manager = LeadCommands.IsManager(scope);
        var works = manager || row.OwnerId == scope.UserId.Value;
        return row.Status switch
        {
            _ when row.Status.IsWorked() && works =>
                [LeadVerb.FollowUp, LeadVerb.Convert, LeadVerb.MarkInvalid, .. manager ? new[] { LeadVerb.Assign } : [], LeadVerb.Return, LeadVerb.Void],
            LeadStatus.Unassigned => manager ? [LeadVerb.Assign, LeadVerb.Take, LeadVerb.Void] : [LeadVerb.Take],
            LeadStatus.Invalid when works => [LeadVerb.Revive, LeadVerb.Void],
            LeadStatus.Voided => [LeadVerb.Restore],
            _ => [],
        };
    }

    public static string KeyOf(LeadVerb verb) => verb switch
    {
        LeadVerb.FollowUp => "follow-up",
        LeadVerb.MarkInvalid => "mark-invalid",
        _ => verb.ToString().ToLowerInvariant(),
    };

    public static string KeyOf(LeadStatus? status) => status?.Code() ?? "all";
}
