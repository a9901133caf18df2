using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Support;

internal static class TestUsers
{
    public const string Password = "Sup3r-secret";

    /// <summary>Creates a user of <paramref name="tenantId"/> through the real UserManager and store.</summary>
    public static async Task<CrmUser> CreateAsync(TestDatabase database, TenantId tenantId, string? email = null, string role = Roles.SalesRep)
    {
        await using var scope = database.OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        email ??= $"user-{Guid.NewGuid():N}@test.local";
        var user = new CrmUser
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Test User",
        };
        Succeeded(await users.CreateAsync(user, Password));
        Succeeded(await users.AddToRoleAsync(user, role));
        return user;
    }

    public static void Succeeded(IdentityResult result) =>
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description)));
}
