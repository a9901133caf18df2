using Crm.Domain.Notifications;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Jobs;

/// <summary>
/// Reminds owners of open opportunities nobody followed up for the tenant's stale period, in the
/// notification center, once per stale period (the aggregate decides). Driven by TimeProvider.
/// </summary>
public sealed class StaleOpportunityReminders(DatabaseModel database, TimeProvider clock, IConfiguration configuration, ILogger<StaleOpportunityReminders> logger)
    : BackgroundService
{
    public const string MessageKey = "Notification.OpportunityStale";

    /// <summary>One pass over every tenant. Idempotent: a second pass in the same period reminds nobody.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        List<Domain.Organization.TenantId> tenants;
        await using (var system = database.CreateSystem())
        {
            tenants = await system.Tenants.IgnoreQueryFilters().Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var reminded = 0;
        foreach (var tenant in tenants)
        {
            await using var db = database.CreateFor(tenant);
            var now = clock.GetUtcNow();
            var rule = (await TenantSettings.PipelineAsync(db, cancellationToken)).StaleRule;
            var open = await db.Set<Opportunity>()
                .Where(o => o.Stage != OpportunityStage.Won && o.Stage != OpportunityStage.Lost)
                .ToListAsync(cancellationToken);
            foreach (var opportunity in open.Where(o => o.RemindIfStale(rule, now)))
            {
                db.Notifications.Add(Notification.Send(
                    tenant,
                    opportunity.OwnerId,
                    MessageKey,
                    [opportunity.Title, opportunity.DaysSinceFollowUp(now).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                    $"/boards/opportunities?q={Uri.EscapeDataString(opportunity.Title)}",
                    now));
                reminded++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return reminded;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Jobs:StaleRemindersMinutes", 60));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var count = await RunOnceAsync(stoppingToken);
                if (count > 0)
                {
                    logger.LogInformation("Reminded owners of {Count} stale opportunities.", count);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Stale opportunity reminders failed; trying again later.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
