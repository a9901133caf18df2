using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Web.Features.Customers;

/// <summary>
/// Who sees which customer, as a query. Reps see the customers they own, whichever shop serves them
/// (a customer handed over or claimed from another shop's pool stays in its owner's list); managers
/// every customer of the shops they can see, pool ones included; head office and admins every shop.
/// A customer outside it answers "not found".
/// </summary>
public static class CustomerVisibility
{
    public static IQueryable<Customer> Visible(this IQueryable<Customer> customers, UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!IsManager(scope))
        {
            UserId? me = scope.UserId;
            return customers.Where(c => c.OwnerId == me);
        }

        if (scope.IsHeadOffice || scope.IsAdmin)
        {
            return customers;
        }

        var shops = scope.ShopIds.ToList();
        return customers.Where(c => shops.Contains(c.ShopId));
    }

    public static bool IsManager(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Manager);
    }
}
