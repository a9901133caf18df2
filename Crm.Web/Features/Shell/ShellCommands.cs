using System.Collections.Immutable;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Shell;

public sealed class ShellCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser)
{
    /// <summary>The shops the user may see, by name.</summary>
    public async Task<ImmutableList<ShopOption>> LoadShopsAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shops = await db.Shops.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        return shops.Where(s => scope.CanSeeShop(s.Id)).Select(s => new ShopOption(s.Id, s.Name)).ToImmutableList();
    }
}
