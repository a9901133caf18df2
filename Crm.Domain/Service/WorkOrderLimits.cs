namespace Crm.Domain.Service;

public static class WorkOrderLimits
{
    public const int AddressMaxLength = 500;
    public const int DescriptionMaxLength = 2000;
    public const int WorkDoneMaxLength = 4000;
    public const int PartsUsedMaxLength = 2000;
    public const int SatisfactionCommentMaxLength = 1000;
    public const int CancelReasonMaxLength = 500;
    public const int MinSatisfaction = 1;
    public const int MaxSatisfaction = 5;

    /// <summary>Longest enum name stored as text (for the string columns of the enums).</summary>
    public const int EnumMaxLength = 24;
}
