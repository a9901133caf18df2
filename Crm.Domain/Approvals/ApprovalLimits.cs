namespace Crm.Domain.Approvals;

public static class ApprovalLimits
{
    public const int SubjectTypeMaxLength = 32;
    public const int SubjectTitleMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int CommentMaxLength = 1000;

    /// <summary>Longest enum name stored as text (for the string columns of the enums).</summary>
    public const int EnumMaxLength = 16;
}
