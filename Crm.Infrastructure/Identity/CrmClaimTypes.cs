namespace Crm.Infrastructure.Identity;

public static class CrmClaimTypes
{
    public const string TenantId = "crm:tenant";
    public const string TenantName = "crm:tenant-name";
    public const string ShopId = "crm:shop";
    public const string HeadOffice = "crm:head-office";
    public const string DisplayName = "crm:display-name";
}
