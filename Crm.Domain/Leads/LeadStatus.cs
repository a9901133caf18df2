namespace Crm.Domain.Leads;

/// <summary>
/// Where a lead stands. Unassigned leads form the lead pool; Pending ones wait for their rep's
/// first follow-up; Converted and Voided are ends (only an Admin brings a Voided lead back).
/// </summary>
public enum LeadStatus
{
    Unassigned,
    Pending,
    FollowingUp,
    Converted,
    Invalid,
    Voided,
}

public static class LeadStatuses
{
    public static IReadOnlyList<LeadStatus> All { get; } = Enum.GetValues<LeadStatus>();

    /// <summary>A rep holds the lead and works it.</summary>
    public static bool IsWorked(this LeadStatus status) => status is LeadStatus.Pending or LeadStatus.FollowingUp;

    /// <summary>Kebab-case words for stable rule codes ("following-up").</summary>
    public static string Code(this LeadStatus status) => status switch
    {
        LeadStatus.FollowingUp => "following-up",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>English words for messages ("Following up"); the UI localizes statuses itself.</summary>
    internal static string Describe(this LeadStatus status) => status switch
    {
        LeadStatus.FollowingUp => "Following up",
        _ => status.ToString(),
    };
}
