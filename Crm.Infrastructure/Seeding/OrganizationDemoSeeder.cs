using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// The demo company: 华宇塑料托盘 (Huayu Pallets), a plastic-pallet maker selling through three
/// online shops under two subsidiaries; and a second company for isolation tests.
/// </summary>
internal sealed class OrganizationDemoSeeder : IDemoSeeder
{
    public int Order => 0;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            if (!await context.Roles.RoleExistsAsync(role))
            {
                Check(await context.Roles.CreateAsync(new CrmRole(role)));
            }
        }

        var now = context.Clock.GetUtcNow();
        await using (var db = context.Database.CreateSystem())
        {
            if (!await db.Tenants.IgnoreQueryFilters().AnyAsync(t => t.Id == DemoIds.DemoTenant, cancellationToken))
            {
                db.Tenants.Add(DemoTenant(now));
                db.Tenants.Add(OtherTenant(now));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        var tmall = DemoIds.TmallShop;
        var jd = DemoIds.JdShop;
        var alibaba = DemoIds.AlibabaShop;
        var demo = DemoIds.DemoTenant;
        await EnsureUser(context, DemoIds.Admin, demo, "admin@demo.local", "Zhou Qiang", Roles.Admin, headOffice: true, [tmall, jd, alibaba]);
        await EnsureUser(context, DemoIds.Manager, demo, "manager@demo.local", "Wang Fang", Roles.Manager, headOffice: true, [tmall, jd, alibaba]);
        await EnsureUser(context, DemoIds.Rep1, demo, "rep1@demo.local", "Li Wei", Roles.SalesRep, headOffice: false, [tmall]);
        await EnsureUser(context, DemoIds.Rep2, demo, "rep2@demo.local", "Zhang Min", Roles.SalesRep, headOffice: false, [jd]);
        await EnsureUser(context, DemoIds.Dispatcher, demo, "dispatcher@demo.local", "Chen Jing", Roles.Dispatcher, headOffice: false, [tmall, jd]);
        await EnsureUser(context, DemoIds.Tech1, demo, "tech1@demo.local", "Liu Yang", Roles.Technician, headOffice: false, [tmall, jd]);
        await EnsureUser(context, DemoIds.Tech2, demo, "tech2@demo.local", "Zhao Lei", Roles.Technician, headOffice: false, [tmall, jd]);
        await EnsureUser(context, DemoIds.Finance, demo, "finance@demo.local", "Sun Li", Roles.Finance, headOffice: true, [tmall, jd, alibaba]);
        await EnsureUser(context, DemoIds.OtherAdmin, DemoIds.OtherTenant, "admin@other.local", "Other Admin", Roles.Admin, headOffice: true, [DemoIds.OtherShop]);
    }

    private static Tenant DemoTenant(DateTimeOffset now)
    {
        var tenant = Tenant.Create(DemoIds.DemoTenant, "华宇塑料托盘 Huayu Pallets", "huayu", now);
        const string suzhou = "华宇塑业（苏州）有限公司 Huayu Plastics (Suzhou) Co., Ltd.";
        const string ningbo = "华宇物流设备（宁波）有限公司 Huayu Logistics Equipment (Ningbo) Co., Ltd.";
        tenant.OpenShop(DemoIds.TmallShop, "天猫旗舰店 Tmall Flagship", "tmall", ShopKind.OnlineStore, suzhou, now);
        tenant.OpenShop(DemoIds.JdShop, "京东自营店 JD Store", "jd", ShopKind.OnlineStore, suzhou, now);
        tenant.OpenShop(DemoIds.AlibabaShop, "1688 批发店 1688 Wholesale", "alibaba", ShopKind.OnlineStore, ningbo, now);
        tenant.AddRegion(DemoIds.EastRegion, "华东 East China", "east");
        tenant.AddRegion(DemoIds.SouthRegion, "华南 South China", "south");
        tenant.AddRegion(DemoIds.NorthRegion, "华北 North China", "north");
        tenant.FormTeam(DemoIds.TmallSales, "Tmall sales", DemoIds.TmallShop);
        tenant.FormTeam(DemoIds.JdSales, "JD sales", DemoIds.JdShop);
        tenant.FormTeam(DemoIds.Service, "After-sales service", DemoIds.TmallShop);
        tenant.ClearDomainEvents();
        return tenant;
    }

    private static Tenant OtherTenant(DateTimeOffset now)
    {
        var tenant = Tenant.Create(DemoIds.OtherTenant, "Other Trading Co.", "other", now);
        tenant.OpenShop(DemoIds.OtherShop, "Other Shop", "main", ShopKind.Branch, "Other Trading Co.", now);
        tenant.ClearDomainEvents();
        return tenant;
    }

    private static async Task EnsureUser(
        DemoSeedContext context, UserId id, TenantId tenantId, string email, string displayName, string role, bool headOffice, ShopId[] shops)
    {
        if (await context.Users.FindByIdAsync(id.Value.ToString()) is not null)
        {
            return;
        }

        var user = new CrmUser
        {
            Id = id.Value,
            TenantId = tenantId,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            IsHeadOffice = headOffice,
        };
        Check(await context.Users.CreateAsync(user, DemoSeeding.DemoPassword));
        Check(await context.Users.AddToRoleAsync(user, role));

        await using var db = context.Database.CreateFor(tenantId);
        foreach (var shop in shops)
        {
            db.UserShops.Add(new UserShopMembership { UserId = user.Id, ShopId = shop, TenantId = tenantId });
        }

        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
