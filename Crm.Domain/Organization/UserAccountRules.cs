using Crm.Domain.Common;

namespace Crm.Domain.Organization;

/// <summary>
/// What makes a valid user account of a tenant, whoever stores it (Identity lives in
/// Infrastructure; its rules live here).
/// </summary>
public static class UserAccountRules
{
    /// <summary>Validates a role and shop assignment; returns the trimmed display name.</summary>
    public static string ValidateAssignment(
        string? displayName, string? role, IReadOnlyCollection<ShopId> shops, bool isHeadOffice, Func<ShopId, bool> shopBelongsToTenant)
    {
        var name = Guard.Text(displayName, OrganizationLimits.DisplayNameMaxLength, "user.display-name", "A display name");
        if (!Roles.IsKnown(role))
        {
            throw new DomainRuleViolation("user.role-unknown", "Choose one of the roles.");
        }

        if (!isHeadOffice && shops.Count == 0)
        {
            throw new DomainRuleViolation("user.shop-required", "A user outside head office belongs to at least one shop.");
        }

        if (shops.Any(s => !shopBelongsToTenant(s)))
        {
            throw new DomainRuleViolation("user.shop-unknown", "A user can only belong to shops of their own company.");
        }

        return name;
    }

    /// <summary>An admin cannot lock themselves out, and a company always keeps one active admin.</summary>
    public static void EnsureCanDisable(UserId actor, UserId target, bool targetIsAdmin, int activeAdminCount)
    {
        if (actor == target)
        {
            throw new DomainRuleViolation("user.cannot-disable-self", "You cannot disable your own account.");
        }

        if (targetIsAdmin && activeAdminCount <= 1)
        {
            throw new DomainRuleViolation("user.last-admin", "The company must keep at least one active administrator.");
        }
    }

    /// <summary>The last active admin keeps the Admin role.</summary>
    public static void EnsureCanChangeRole(bool targetIsAdmin, string newRole, int activeAdminCount)
    {
        if (targetIsAdmin && newRole != Roles.Admin && activeAdminCount <= 1)
        {
            throw new DomainRuleViolation("user.last-admin", "The company must keep at least one active administrator.");
        }
    }
}
