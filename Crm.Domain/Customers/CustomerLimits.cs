namespace Crm.Domain.Customers;

public static class CustomerLimits
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int ContactNameMaxLength = 64;
    public const int ContactTitleMaxLength = 64;
    public const int IndustryMaxLength = 64;
    public const int DealerMaxLength = 100;
    public const int ChatIdMaxLength = 64;
    public const int TagMaxLength = 32;
    public const int MaxTags = 20;
    public const int PoolReasonMaxLength = 500;
    public const int FollowUpNoteMaxLength = 2000;
}
