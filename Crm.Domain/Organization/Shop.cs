using Crm.Domain.Common;

namespace Crm.Domain.Organization;

/// <summary>A branch or an online store of a tenant. Data of one shop is isolated from another's.</summary>
public sealed class Shop : Entity<ShopId>, ITenantOwned
{
    private Shop()
    {
        Name = string.Empty;
        Code = string.Empty;
        Subsidiary = string.Empty;
    }

    internal Shop(ShopId id, TenantId tenantId, string name, string code, ShopKind kind, string subsidiary)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.Text(name, OrganizationLimits.NameMaxLength, "shop.name", "A shop name");
        Code = code;
        Kind = kind;
        Subsidiary = Guard.Text(subsidiary, OrganizationLimits.NameMaxLength, "shop.subsidiary", "A subsidiary");
    }

    public TenantId TenantId { get; private set; }

    public string Name { get; private set; }

    public string Code { get; private set; }

    public ShopKind Kind { get; private set; }

    /// <summary>The legal company (subsidiary) the shop trades under.</summary>
    public string Subsidiary { get; private set; }
}

/// <summary>A sales or service team inside a shop.</summary>
public sealed class Team : Entity<TeamId>, ITenantOwned
{
    private Team() => Name = string.Empty;

    internal Team(TeamId id, TenantId tenantId, string name, ShopId shopId)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.Text(name, OrganizationLimits.NameMaxLength, "team.name", "A team name");
        ShopId = shopId;
    }

    public TenantId TenantId { get; private set; }

    public string Name { get; private set; }

    public ShopId ShopId { get; private set; }
}

/// <summary>A sales zone (区域). Customers and the public pool are partitioned by it.</summary>
public sealed class Region : Entity<RegionId>, ITenantOwned
{
    private Region()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    internal Region(RegionId id, TenantId tenantId, string name, string code)
    {
        Id = id;
        TenantId = tenantId;
        Name = Guard.Text(name, OrganizationLimits.NameMaxLength, "region.name", "A region name");
        Code = code;
    }

    public TenantId TenantId { get; private set; }

    public string Name { get; private set; }

    public string Code { get; private set; }
}
