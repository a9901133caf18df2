using Crm.Domain.Organization;

namespace Crm.Domain.Service;

/// <summary>
/// Who sees and does what on the dispatch board. Dispatchers, managers and admins see every work
/// order of the shops they can see and dispatch them; a technician sees only the work orders
/// assigned to them. The follow-up visit is the supervisor's (manager or admin).
/// </summary>
public static class WorkOrderAccess
{
    public static bool CanDispatch(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Manager) || scope.IsInRole(Roles.Dispatcher);
    }

    public static bool CanSee(UserScope scope, ShopId shopId, UserId? technicianId)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.CanSeeShop(shopId) && (CanDispatch(scope) || (technicianId is { } tech && tech == scope.UserId));
    }

    public static bool CanRecordFollowUp(UserScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsAdmin || scope.IsInRole(Roles.Manager);
    }
}
