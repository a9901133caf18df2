namespace Crm.Domain.Opportunities;

public static class OpportunityLimits
{
    public const int TitleMaxLength = 200;
    public const int NeedsSummaryMaxLength = 2000;
    public const int LostReasonMaxLength = 500;
    public const int FollowUpNoteMaxLength = 2000;

    /// <summary>Longest enum name stored as text (for the string columns of the enums).</summary>
    public const int EnumMaxLength = 24;
}
