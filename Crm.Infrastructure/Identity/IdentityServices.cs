using Crm.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Identity;

public static class IdentityServices
{
    /// <summary>Identity on the Crm database: unique emails, lockout after 5 failures for 15 minutes, disabled users refused.</summary>
    public static IdentityBuilder AddCrmIdentity(this IServiceCollection services) =>
        services.AddIdentity<CrmUser, CrmRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddClaimsPrincipalFactory<CrmClaimsPrincipalFactory>()
            .AddUserConfirmation<CrmUserConfirmation>()
            .AddDefaultTokenProviders();
}
