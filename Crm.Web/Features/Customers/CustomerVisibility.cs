using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Web.Features.Customers;

/// <summary>
/// Who sees which customer, as a query: <see cref="UserScope.CanSeeOwned"/> in SQL. Reps see the
/// customers they own; managers every customer of the shops they can see (pool ones included);
/// head office and admins every shop. A customer outside it answers "not found".
/// </summary>
public static class CustomerVisibility
{
    public static IQueryable<Customer> Visible(this IQueryable<Customer> customers, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsHeadOffice && !scope.IsAdmin)
        {
            var shops = scope.ShopIds.ToList();
            customers = customers.Where(c => shops.Contains(c.ShopId));
        }

        if (!IsManager(scope))
        {
            UserId? me = scope.UserId;
            customers = customers.Where(c => c.OwnerId == me);
        }

        return customers;
    }

    public static bool IsManager(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Manager);
    }
}
