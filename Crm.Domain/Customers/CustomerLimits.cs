namespace Crm.Domain.Customers;

public static class CustomerLimits
{
    public const int NameMaxLength = 100;
    public const int PhoneMaxLength = 32;
    public const int ContactNameMaxLength = 64;
    public const int ContactTitleMaxLength = 64;
}
