using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Admin;

public sealed record UserRow(
    Guid Id, string Email, string DisplayName, string Role, ImmutableArray<ShopId> ShopIds, bool IsHeadOffice, bool IsDisabled, bool IsLockedOut);

public sealed record UserInput(string? Email, string? DisplayName, string? Password, string? Role, IReadOnlyCollection<ShopId> ShopIds, bool IsHeadOffice);

/// <summary>
/// The admin's user use cases. Each runs in its own DI scope (one Identity store, one context per
/// operation) for the admin's tenant; the rules are <see cref="UserAccountRules"/>.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<ImmutableList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        RequireAdmin();
        await using var scope = OpenScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var shops = await db.UserShops.AsNoTracking().Where(m => ids.Contains(m.UserId)).ToListAsync(cancellationToken);
        return users
            .Select(u => new UserRow(
                u.Id,
                u.Email ?? string.Empty,
                u.DisplayName,
                roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? string.Empty,
                [.. shops.Where(s => s.UserId == u.Id).Select(s => s.ShopId)],
                u.IsHeadOffice,
                u.IsDisabled,
                u.LockoutEnd > now))
            .ToImmutableList();
    }

    public async Task<Guid> CreateAsync(UserInput input, CancellationToken cancellationToken = default)
    {
        RequireAdmin();
        var tenantId = currentUser.RequireScope().TenantId;
        var email = EmailAddress.Create(input.Email);
        if (string.IsNullOrWhiteSpace(input.Password))
        {
            throw new DomainRuleViolation("user.password-required", "A password is required for a new user.");
        }

        await using var scope = OpenScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var tenantShops = await db.Shops.Select(s => s.Id).ToListAsync(cancellationToken);
        var name = UserAccountRules.ValidateAssignment(input.DisplayName, input.Role, input.ShopIds, input.IsHeadOffice, tenantShops.Contains);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var normalizedEmail = users.NormalizeEmail(email.Value);
        // Emails are unique across Crm (they are the sign-in name), whatever the tenant.
        if (await users.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            throw new DomainRuleViolation("user.email-taken", $"{email} is already in use.", email.Value);
        }

        var user = new CrmUser
        {
            Id = Guid.NewGuid(),
            TenantId = tenantId,
            UserName = email.Value,
            Email = email.Value,
            EmailConfirmed = true,
            DisplayName = name,
            IsHeadOffice = input.IsHeadOffice,
        };
        Check(await users.CreateAsync(user, input.Password));
        Check(await users.AddToRoleAsync(user, input.Role!));
        await ReplaceShopsAsync(db, user.Id, tenantId, input.ShopIds, cancellationToken);
        return user.Id;
    }

    public async Task UpdateAsync(Guid userId, UserInput input, CancellationToken cancellationToken = default)
    {
        RequireAdmin();
        var tenantId = currentUser.RequireScope().TenantId;
        await using var scope = OpenScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw NotFound();
        var tenantShops = await db.Shops.Select(s => s.Id).ToListAsync(cancellationToken);
        var name = UserAccountRules.ValidateAssignment(input.DisplayName, input.Role, input.ShopIds, input.IsHeadOffice, tenantShops.Contains);

        var currentRoles = await users.GetRolesAsync(user);
        UserAccountRules.EnsureCanChangeRole(currentRoles.Contains(Roles.Admin), input.Role!, await CountActiveAdminsAsync(users, cancellationToken));

        user.DisplayName = name;
        user.IsHeadOffice = input.IsHeadOffice;
        Check(await users.UpdateAsync(user));
        if (!currentRoles.SequenceEqual([input.Role!]))
        {
            Check(await users.RemoveFromRolesAsync(user, currentRoles));
            Check(await users.AddToRoleAsync(user, input.Role!));
        }

        await ReplaceShopsAsync(db, user.Id, tenantId, input.ShopIds, cancellationToken);

        // Role and shops travel in the cookie: a new stamp makes open sessions pick them up.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    public async Task SetDisabledAsync(Guid userId, bool disabled, CancellationToken cancellationToken = default)
    {
        RequireAdmin();
        await using var scope = OpenScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw NotFound();
        if (user.IsDisabled == disabled)
        {
            return;
        }

        if (disabled)
        {
            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            UserAccountRules.EnsureCanDisable(currentUser.RequireUserId(), new UserId(user.Id), isAdmin, await CountActiveAdminsAsync(users, cancellationToken));
        }

        user.IsDisabled = disabled;
        Check(await users.UpdateAsync(user));
        if (disabled)
        {
            // Ends the user's open sessions at the next security-stamp check.
            Check(await users.UpdateSecurityStampAsync(user));
        }
        else
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }
    }

    private static async Task<int> CountActiveAdminsAsync(UserManager<CrmUser> users, CancellationToken cancellationToken)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        _ = cancellationToken;
        return admins.Count(a => !a.IsDisabled);
    }

    private static async Task ReplaceShopsAsync(CrmDbContext db, Guid userId, TenantId tenantId, IReadOnlyCollection<ShopId> shops, CancellationToken cancellationToken)
    {
        var existing = await db.UserShops.Where(m => m.UserId == userId).ToListAsync(cancellationToken);
        db.UserShops.RemoveRange(existing.Where(m => !shops.Contains(m.ShopId)));
        foreach (var shop in shops.Where(s => !existing.Exists(m => m.ShopId == s)).Distinct())
        {
            db.UserShops.Add(new UserShopMembership { UserId = userId, ShopId = shop, TenantId = tenantId });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private AsyncServiceScope OpenScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(currentUser.Principal);
        return scope;
    }

    private void RequireAdmin()
    {
        if (!currentUser.RequireScope().IsAdmin)
        {
            throw new DomainRuleViolation("user.admin-only", "Only an administrator manages users.");
        }
    }

    private static DomainRuleViolation NotFound() => new("user.not-found", "That user does not exist.");

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return;
        }

        var error = result.Errors.First();
        throw error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)
                => new DomainRuleViolation("user.email-taken", error.Description),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName)
                => new DomainRuleViolation("email.invalid", error.Description, string.Empty),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal)
                => new DomainRuleViolation("user.password-weak", error.Description),
            _ => new DomainRuleViolation("user.identity", error.Description, error.Description),
        };
    }
}
