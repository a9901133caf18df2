using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Jobs;

/// <summary>The safety net of the live engine: re-publishes board events that a crash or a failed publish left unsent.</summary>
public sealed class OutboxSweep(DatabaseModel database, TimeProvider clock, ILogger<OutboxSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Events younger than this are still being published by their writer.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Outbox is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var sent = await database.Outbox.SweepAsync(database, Grace, stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Outbox sweep re-published {Count} board events.", sent);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Outbox sweep failed; trying again in {Interval}.", Interval);
            }
        }
    }
}
