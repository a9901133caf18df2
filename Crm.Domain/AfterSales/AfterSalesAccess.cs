using Crm.Domain.Organization;

namespace Crm.Domain.AfterSales;

/// <summary>Who files after-sales requests and who pays refunds.</summary>
public static class AfterSalesAccess
{
    /// <summary>Sales reps, managers and admins submit requests for their customers.</summary>
    public static bool CanSubmit(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Manager) || scope.IsInRole(Roles.SalesRep);
    }

    /// <summary>Finance (and admins) pay refunds.</summary>
    public static bool CanPay(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Finance);
    }
}
