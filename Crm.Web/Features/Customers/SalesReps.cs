using Crm.Web.Components;
using System.Collections.Immutable;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

/// <summary>The tenant's sales reps who can own customers (enabled users in the SalesRep role), by name.</summary>
internal static class SalesReps
{
    public static async Task<ImmutableList<NamedOption>> ListAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var reps = await (from user in db.Users.AsNoTracking()
                          join userRole in db.UserRoles on user.Id equals userRole.UserId
                          join role in db.Roles on userRole.RoleId equals role.Id
                          where role.Name == Roles.SalesRep && !user.IsDisabled
                          orderby user.DisplayName
                          select new NamedOption(user.Id, user.DisplayName)).ToListAsync(cancellationToken);
        return [.. reps];
    }
}
