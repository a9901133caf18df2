using System.Security.Claims;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;

namespace Crm.Web.Identity;

/// <summary>
/// The signed-in user of this scope (an HTTP request or a circuit), read from the claims once.
/// Also the tenant that every database context of the scope is filtered by.
/// </summary>
public sealed class CurrentUser : ICurrentTenant, ICurrentActor
{
    private ClaimsPrincipal _principal = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal => _principal;

    public bool IsAuthenticated => _principal.Identity?.IsAuthenticated == true;

    public TenantId? TenantId { get; private set; }

    public UserScope? Scope { get; private set; }

    public string DisplayName => _principal.FindFirstValue(CrmClaimTypes.DisplayName) ?? _principal.Identity?.Name ?? string.Empty;

    public Guid? ActorId => Scope?.UserId.Value;

    public string? ActorName => IsAuthenticated ? DisplayName : null;

    public string TenantName => _principal.FindFirstValue(CrmClaimTypes.TenantName) ?? string.Empty;

    public UserId RequireUserId() => Scope?.UserId ?? throw new InvalidOperationException("No signed-in user in this scope.");

    public UserScope RequireScope() => Scope ?? throw new InvalidOperationException("No signed-in user in this scope.");

    public void Set(ClaimsPrincipal principal)
    {
        _principal = principal;
        TenantId = null;
        Scope = null;
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(CrmClaimTypes.TenantId), out var tenant)
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var user))
        {
            return;
        }

        TenantId = new TenantId(tenant);
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var shops = principal.FindAll(CrmClaimTypes.ShopId)
            .Select(c => Guid.TryParse(c.Value, out var id) ? new ShopId(id) : (ShopId?)null)
            .OfType<ShopId>()
            .ToHashSet();
        var headOffice = bool.TryParse(principal.FindFirstValue(CrmClaimTypes.HeadOffice), out var ho) && ho;
        Scope = new UserScope(TenantId.Value, new UserId(user), roles, shops, headOffice);
    }
}
