using Crm.Domain.Organization;

namespace Crm.Infrastructure.Seeding;

/// <summary>Fixed ids of the demo data, so that tests and links can name them.</summary>
public static class DemoIds
{
    public static readonly TenantId DemoTenant = new(Guid.Parse("0b1c0000-0000-4000-8000-000000000001"));
    public static readonly TenantId OtherTenant = new(Guid.Parse("0b1c0000-0000-4000-8000-000000000002"));

    public static readonly ShopId TmallShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000001"));
    public static readonly ShopId JdShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000002"));
    public static readonly ShopId AlibabaShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000003"));
    public static readonly ShopId OtherShop = new(Guid.Parse("0b1c0000-0000-4000-8001-000000000009"));

    public static readonly RegionId EastRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000001"));
    public static readonly RegionId SouthRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000002"));
    public static readonly RegionId NorthRegion = new(Guid.Parse("0b1c0000-0000-4000-8002-000000000003"));

    public static readonly TeamId TmallSales = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000001"));
    public static readonly TeamId JdSales = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000002"));
    public static readonly TeamId Service = new(Guid.Parse("0b1c0000-0000-4000-8003-000000000003"));

    public static readonly UserId Admin = User(1);
    public static readonly UserId Manager = User(2);
    public static readonly UserId Rep1 = User(3);
    public static readonly UserId Rep2 = User(4);
    public static readonly UserId Dispatcher = User(5);
    public static readonly UserId Tech1 = User(6);
    public static readonly UserId Tech2 = User(7);
    public static readonly UserId Finance = User(8);
    public static readonly UserId OtherAdmin = User(9);

    private static UserId User(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8004-{n:000000000000}"));
}
