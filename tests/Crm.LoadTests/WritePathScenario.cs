using System.Diagnostics;
using Crm.Domain.Opportunities;
using Crm.Web.Features.Opportunities;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 4: card moves through the real command path (visibility, Version check, blueprint,
/// outbox, sequence, publish) with 1, 4 and 16 concurrent writers on SQLite, and on PostgreSQL when a
/// server answers (<see cref="BenchApp.PostgresServer"/>). Each writer owns its
/// own cards, so every move should succeed: any refusal or exception is an error.
/// </summary>
public static class WritePathScenario
{
    public static async Task<RunResult> RunAsync(int writers, int movesPerWriter, bool postgres = false)
    {
        await using var app = await BenchApp.StartAsync(postgres: postgres);
        var cards = await app.MovableCardsAsync();
        var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
        long errors = 0;
        var lockedErrors = 0L;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = cards.Where((_, i) => i % writers == w).Select(c => (c.Id, c.Stage, c.Version)).ToList();
            var local = new LongHistogram(TimeStamp.Seconds(60), 3);
            await using var scope = app.ManagerScope();
            var commands = scope.ServiceProvider.GetRequiredService<OpportunityCommands>();
            for (var i = 0; i < movesPerWriter; i++)
            {
                var index = i % mine.Count;
                var (id, stage, version) = mine[index];
                var target = stage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
                var start = Stopwatch.GetTimestamp();
                try
                {
                    var outcome = await commands.MoveAsync(id, target, version, completion: null);
                    local.RecordValue(Report.Micros(start));
                    if (outcome.Moved is { } moved)
                    {
                        mine[index] = (id, moved.Stage, moved.Version);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception exception)
                {
                    Interlocked.Increment(ref errors);
                    if (exception.Message.Contains("locked", StringComparison.OrdinalIgnoreCase))
                    {
                        Interlocked.Increment(ref lockedErrors);
                    }
                }
            }

            lock (histogram)
            {
                histogram.Add(local);
            }
        })).ToList();
        await Task.WhenAll(tasks);
        sw.Stop();
        var cpuPerMove = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, histogram.TotalCount);
        return RunResult.From("write path", $"{(postgres ? "PostgreSQL" : "SQLite")}, {writers} writer(s)", histogram, errors, sw.Elapsed.TotalSeconds,
            new Dictionary<string, double> { ["db-locked"] = lockedErrors, ["cpu ms/move"] = Math.Round(cpuPerMove, 2) });
    }
}
