using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Persistence;

/// <summary>A user of the context's tenant as the pool sees them: name, role, shops, head office, disabled.</summary>
public sealed record TenantPerson(UserId Id, string DisplayName, string Role, IReadOnlySet<ShopId> Shops, bool IsHeadOffice, bool IsDisabled)
{
    /// <summary>A manager responsible for a customer of <paramref name="shop"/>: a manager of that shop, or at head office.</summary>
    public bool ManagesShop(ShopId shop) => Role == Roles.Manager && !IsDisabled && (IsHeadOffice || Shops.Contains(shop));
}

public static class TenantPeople
{
    /// <summary>Every user of the context's tenant with their (first) role and shops.</summary>
    public static async Task<IReadOnlyList<TenantPerson>> AllAsync(CrmDbContext db, CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.DisplayName, u.IsHeadOffice, u.IsDisabled })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var shops = await db.UserShops.AsNoTracking().Select(m => new { m.UserId, m.ShopId }).ToListAsync(cancellationToken);
        return users
            .Select(u => new TenantPerson(
                new UserId(u.Id),
                u.DisplayName,
                roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? string.Empty,
                shops.Where(s => s.UserId == u.Id).Select(s => s.ShopId).ToHashSet(),
                u.IsHeadOffice,
                u.IsDisabled))
            .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)
            .ToList();
    }
}
