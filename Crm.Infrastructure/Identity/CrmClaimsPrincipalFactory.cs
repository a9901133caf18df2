using System.Globalization;
using System.Security.Claims;
using Crm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Infrastructure.Identity;

/// <summary>Puts tenant, shop membership, head office and display name into the sign-in cookie.</summary>
public sealed class CrmClaimsPrincipalFactory(
    UserManager<CrmUser> userManager,
    RoleManager<CrmRole> roleManager,
    IOptions<IdentityOptions> options,
    IDbContextFactory<CrmDbContext> contexts)
    : UserClaimsPrincipalFactory<CrmUser, CrmRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CrmUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        await using var db = CrmDbContextFactory.ForTenant(contexts, user.TenantId);
        var tenantName = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Name).SingleAsync();
        var shops = await db.UserShops.Where(m => m.UserId == user.Id).Select(m => m.ShopId).ToListAsync();

        identity.AddClaim(new Claim(CrmClaimTypes.TenantId, user.TenantId.Value.ToString()));
        identity.AddClaim(new Claim(CrmClaimTypes.TenantName, tenantName));
        identity.AddClaim(new Claim(CrmClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(CrmClaimTypes.HeadOffice, user.IsHeadOffice.ToString(CultureInfo.InvariantCulture)));
        foreach (var shop in shops)
        {
            identity.AddClaim(new Claim(CrmClaimTypes.ShopId, shop.Value.ToString()));
        }

        return identity;
    }
}

/// <summary>A disabled user may not sign in.</summary>
public sealed class CrmUserConfirmation : IUserConfirmation<CrmUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<CrmUser> manager, CrmUser user) => Task.FromResult(!user.IsDisabled);
}
