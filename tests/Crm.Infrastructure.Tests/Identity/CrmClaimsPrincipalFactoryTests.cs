using System.Security.Claims;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Identity;

public sealed class CrmClaimsPrincipalFactoryTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task WhenTheFactoryIsResolved_ItIsTheCrmFactory()
    {
        await using var scope = database.OpenScope();

        scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CrmUser>>().ShouldBeOfType<CrmClaimsPrincipalFactory>();
    }

    [Fact]
    public async Task WhenARepSignsIn_TheirTenantShopAndDisplayNameAreClaimed()
    {
        var principal = await PrincipalOf("rep1@demo.local");

        principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe(DemoIds.Rep1.Value.ToString());
        principal.FindFirstValue(CrmClaimTypes.TenantId).ShouldBe(DemoIds.DemoTenant.Value.ToString());
        principal.FindFirstValue(CrmClaimTypes.TenantName).ShouldBe("华宇塑料托盘 Huayu Pallets");
        principal.FindFirstValue(CrmClaimTypes.DisplayName).ShouldBe("Li Wei");
        principal.FindFirstValue(CrmClaimTypes.HeadOffice).ShouldBe("False");
        principal.FindAll(CrmClaimTypes.ShopId).Select(c => c.Value).ShouldBe([DemoIds.TmallShop.Value.ToString()]);
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ShouldBe([Roles.SalesRep]);
    }

    [Fact]
    public async Task WhenAHeadOfficeAdminSignsIn_HeadOfficeAndEveryShopAreClaimed()
    {
        var principal = await PrincipalOf("admin@demo.local");

        principal.FindFirstValue(CrmClaimTypes.HeadOffice).ShouldBe("True");
        principal.FindAll(CrmClaimTypes.ShopId).Select(c => c.Value).ShouldBe(
            new[] { DemoIds.TmallShop, DemoIds.JdShop, DemoIds.AlibabaShop }.Select(s => s.Value.ToString()),
            ignoreOrder: true);
        principal.IsInRole(Roles.Admin).ShouldBeTrue();
    }

    [Fact]
    public async Task WhenTheSecondTenantsAdminSignsIn_OnlyTheirOwnTenantAndShopAreClaimed()
    {
        var principal = await PrincipalOf("admin@other.local");

        principal.FindFirstValue(CrmClaimTypes.TenantId).ShouldBe(DemoIds.OtherTenant.Value.ToString());
        principal.FindFirstValue(CrmClaimTypes.TenantName).ShouldBe("Other Trading Co.");
        principal.FindAll(CrmClaimTypes.ShopId).Select(c => c.Value).ShouldBe([DemoIds.OtherShop.Value.ToString()]);
    }

    private async Task<ClaimsPrincipal> PrincipalOf(string email)
    {
        // Sign-in runs before anybody's tenant is known: a scope without a tenant.
        await using var scope = database.OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No demo user {email}.");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CrmUser>>().CreateAsync(user);
    }
}
