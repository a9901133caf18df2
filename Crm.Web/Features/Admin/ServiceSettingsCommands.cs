using Crm.Domain.Common;
using Crm.Domain.Service;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Admin;

/// <summary>What the service settings form edits: the hours each work-order priority is given. The domain validates it on save.</summary>
public sealed record ServiceSettingsInput(int UrgentHours, int HighHours, int NormalHours, int LowHours)
{
    public static ServiceSettingsInput From(SlaPolicy sla) => new(sla.UrgentHours, sla.HighHours, sla.NormalHours, sla.LowHours);

    public SlaPolicy ToPolicy() => SlaPolicy.Create(UrgentHours, HighHours, NormalHours, LowHours);
}

public sealed class ServiceSettingsCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<ServiceSettingsInput> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return ServiceSettingsInput.From(await TenantSettings.SlaAsync(db, cancellationToken));
    }

    /// <summary>Saves the tenant's SLA hours; new work orders are due by them. Administrators only.</summary>
    public async Task SaveAsync(ServiceSettingsInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!currentUser.RequireScope().IsAdmin)
        {
            throw new DomainRuleViolation("service-settings.admin-only", "Only an administrator changes the service levels.");
        }

        var sla = input.ToPolicy();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleAsync(cancellationToken);
        tenant.ConfigureSla(sla, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
