namespace Crm.Domain.Organization;

public static class OrganizationLimits
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 32;
    public const int DisplayNameMaxLength = 64;
}
