using Crm.Domain.Organization;
using Microsoft.AspNetCore.Identity;

namespace Crm.Infrastructure.Identity;

/// <summary>A person who signs in. Belongs to one tenant and one or more of its shops.</summary>
public sealed class CrmUser : IdentityUser<Guid>
{
    public TenantId TenantId { get; set; }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Works at head office: sees every shop of the tenant.</summary>
    public bool IsHeadOffice { get; set; }

    /// <summary>A disabled user cannot sign in; their open sessions end at the next security-stamp check.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Preferred UI culture (en or zh-CN); null follows the browser.</summary>
    public string? Culture { get; set; }

    /// <summary>A technician marked off duty cannot be assigned work orders.</summary>
    public bool IsOffDuty { get; set; }

    /// <summary>A technician's daily capacity: work orders per day before the dispatcher must confirm an override.</summary>
    public int DailyCapacity { get; set; } = Domain.Service.TechnicianCapacity.DefaultDailyCapacity;
}

public sealed class CrmRole : IdentityRole<Guid>
{
    public CrmRole()
    {
    }

    public CrmRole(string name)
        : base(name)
    {
    }
}

/// <summary>A user's membership of one shop.</summary>
public sealed class UserShopMembership : Domain.Common.ITenantOwned
{
    public Guid UserId { get; set; }

    public ShopId ShopId { get; set; }

    public TenantId TenantId { get; set; }
}
