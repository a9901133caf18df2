namespace Crm.Domain.Organization;

/// <summary>
/// Who is asking, as far as visibility is concerned: the tenant, the roles, the shops the user
/// belongs to and whether the user works at head office (sees every shop). Every query and every
/// live event goes through the same scope.
/// </summary>
public sealed record UserScope(
    TenantId TenantId,
    UserId UserId,
    IReadOnlySet<string> Roles,
    IReadOnlySet<ShopId> ShopIds,
    bool IsHeadOffice)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsAdmin => IsInRole(Organization.Roles.Admin);

    /// <summary>Head office and admins see every shop; everybody else the shops they belong to.</summary>
    public bool CanSeeShop(ShopId shopId) => IsHeadOffice || IsAdmin || ShopIds.Contains(shopId);

    /// <summary>Managers see everything of the shops they can see; other roles only what they own.</summary>
    public bool CanSeeOwned(ShopId shopId, UserId? ownerId) =>
        CanSeeShop(shopId) && (IsAdmin || IsInRole(Organization.Roles.Manager) || ownerId == UserId);
}
