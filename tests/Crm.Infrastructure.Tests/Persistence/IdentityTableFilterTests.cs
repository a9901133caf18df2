using System.Security.Claims;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>Identity's own tables (roles of users, claims, logins, tokens) follow their user's tenant.</summary>
public sealed class IdentityTableFilterTests(TwoTenantDatabase database) : IClassFixture<TwoTenantDatabase>
{
    private static readonly TenantId Demo = TwoTenantDatabase.Demo;
    private static readonly TenantId Other = TwoTenantDatabase.Other;

    [Fact]
    public async Task WhenATenantReadsUserRoles_ItSeesOnlyItsOwnUsersRoles()
    {
        await using (var system = database.CreateSystem())
        {
            // Precondition: both companies have users with roles, so the check below is not vacuous.
            (await system.UserRoles.CountAsync(r => r.UserId == DemoIds.Admin.Value)).ShouldBe(1);
            (await system.UserRoles.CountAsync(r => r.UserId == DemoIds.OtherAdmin.Value)).ShouldBe(1);
        }

        await using var other = database.CreateFor(Other);
        var visible = await other.UserRoles.Select(r => r.UserId).ToListAsync();
        visible.ShouldBe([DemoIds.OtherAdmin.Value]);
        (await other.UserRoles.AnyAsync(r => r.UserId == DemoIds.Admin.Value)).ShouldBeFalse();

        await using var demo = database.CreateFor(Demo);
        (await demo.UserRoles.CountAsync()).ShouldBe(8);
        (await demo.UserRoles.AnyAsync(r => r.UserId == DemoIds.OtherAdmin.Value)).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenATenantReadsClaimsLoginsAndTokens_AnotherTenantsRowsNeverAppear()
    {
        await using (var system = database.CreateSystem())
        {
            system.UserClaims.Add(new IdentityUserClaim<Guid> { UserId = DemoIds.Rep1.Value, ClaimType = ClaimTypes.Country, ClaimValue = "CN" });
            system.UserLogins.Add(new IdentityUserLogin<Guid> { UserId = DemoIds.Rep1.Value, LoginProvider = "WeCom", ProviderKey = "rep1-key", ProviderDisplayName = "WeCom" });
            system.UserTokens.Add(new IdentityUserToken<Guid> { UserId = DemoIds.Rep1.Value, LoginProvider = "WeCom", Name = "refresh", Value = "secret" });
            await system.SaveChangesAsync();
        }

        await using var other = database.CreateFor(Other);
        (await other.UserClaims.AnyAsync(c => c.UserId == DemoIds.Rep1.Value)).ShouldBeFalse();
        (await other.UserLogins.AnyAsync()).ShouldBeFalse();
        (await other.UserTokens.AnyAsync()).ShouldBeFalse();

        await using var demo = database.CreateFor(Demo);
        (await demo.UserClaims.CountAsync(c => c.UserId == DemoIds.Rep1.Value)).ShouldBe(1);
        (await demo.UserLogins.CountAsync()).ShouldBe(1);
        (await demo.UserTokens.CountAsync()).ShouldBe(1);
    }
}
