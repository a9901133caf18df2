using Crm.Domain.Customers;

namespace Crm.Domain.Leads;

public static class LeadLimits
{
    public const int NameMaxLength = 64;
    public const int CompanyMaxLength = CustomerLimits.NameMaxLength;
    public const int PhoneMaxLength = CustomerLimits.PhoneMaxLength;
    public const int ChatIdMaxLength = 64;
    public const int ReasonMaxLength = 500;
    public const int FollowUpResultMaxLength = 2000;

    /// <summary>Longest enum name stored as text (for the string columns of the enums).</summary>
    public const int EnumMaxLength = 24;
}
