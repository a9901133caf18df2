using System.Collections.Concurrent;
using System.Diagnostics;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Opportunities;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 6: 20 clients move the same 10 cards for a bounded time, each with the version its own
/// live view shows. Checks: no stale write accepted (accepted moves = version increments), every
/// refusal reported to its client, and every client's final view equal to the database.
/// </summary>
public static class ConflictStormScenario
{
    public static async Task<RunResult> RunAsync(int clients, int cardCount, TimeSpan duration)
    {
        await using var app = await BenchApp.StartAsync();
        var cards = (await app.MovableCardsAsync())
            .Where(c => c.Stage is OpportunityStage.FirstContact or OpportunityStage.NeedsAnalysis)
            .Take(cardCount)
            .ToList();
        var initialVersions = cards.ToDictionary(c => c.Id, c => c.Version);
        var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
        long accepted = 0, refused = 0, unreported = 0;
        var views = new List<ConcurrentDictionary<Guid, OpportunityCard>>();
        var subscriptions = new List<BoardSubscription>();
        var pumps = new List<Task>();
        using var stop = new CancellationTokenSource();
        for (var c = 0; c < clients; c++)
        {
            var view = new ConcurrentDictionary<Guid, OpportunityCard>(cards.ToDictionary(x => x.Id));
            var subscription = app.Feed.Subscribe(DemoIds.DemoTenant.Value, Boards.Opportunities);
            views.Add(view);
            subscriptions.Add(subscription);
            pumps.Add(Task.Run(async () =>
            {
                try
                {
                    await foreach (var e in subscription.Reader.ReadAllAsync(stop.Token))
                    {
                        if (e.CardJson is not null && view.ContainsKey(e.CardId))
                        {
                            var card = OpportunityCard.FromJson(e.CardJson);
                            view.AddOrUpdate(card.Id, card, (_, old) => card.Version > old.Version ? card : old);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // the run is over
                }
            }));
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var deadline = DateTime.UtcNow + duration;
        var workers = views.Select((view, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            var local = new LongHistogram(TimeStamp.Seconds(60), 3);
            await using var scope = app.ManagerScope();
            var commands = scope.ServiceProvider.GetRequiredService<OpportunityCommands>();
            while (DateTime.UtcNow < deadline)
            {
                var card = view[cards[random.Next(cards.Count)].Id];
                var target = card.Stage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
                var start = Stopwatch.GetTimestamp();
                var outcome = await commands.MoveAsync(card.Id, target, card.Version, completion: null);
                local.RecordValue(Report.Micros(start));
                if (outcome.Moved is { } moved)
                {
                    Interlocked.Increment(ref accepted);
                    view.AddOrUpdate(moved.Id, moved, (_, old) => moved.Version > old.Version ? moved : old);
                }
                else if (outcome.Conflict is not null || outcome.Refusal is not null)
                {
                    // The client is told (the outcome names the conflict) and shown the current card.
                    Interlocked.Increment(ref refused);
                    if (outcome.Current is { } current)
                    {
                        view.AddOrUpdate(current.Id, current, (_, old) => current.Version > old.Version ? current : old);
                    }
                }
                else
                {
                    Interlocked.Increment(ref unreported);
                }
            }

            lock (histogram)
            {
                histogram.Add(local);
            }
        })).ToList();
        await Task.WhenAll(workers);
        sw.Stop();
        var cpuPerMove = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, histogram.TotalCount);

        var truth = (await app.MovableCardsAsync()).Where(c => initialVersions.ContainsKey(c.Id)).ToDictionary(c => c.Id);
        var converged = 0;
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(10))
        {
            converged = views.Count(v => truth.Values.All(t => v[t.Id].Version == t.Version && v[t.Id].Stage == t.Stage));
            if (converged == views.Count)
            {
                break;
            }

            await Task.Delay(50);
        }

        await stop.CancelAsync();
        subscriptions.ForEach(s => s.Dispose());
        await Task.WhenAll(pumps);

        var versionIncrements = truth.Values.Sum(t => t.Version - initialVersions[t.Id]);
        var staleAccepted = accepted - versionIncrements;
        return RunResult.From("conflict storm", $"{clients} clients × {cardCount} cards, {duration.TotalSeconds:0} s", histogram, unreported + Math.Abs(staleAccepted), sw.Elapsed.TotalSeconds,
            new Dictionary<string, double>
            {
                ["accepted"] = accepted,
                ["refused+reported"] = refused,
                ["stale accepted"] = staleAccepted,
                ["clients = DB"] = converged,
                ["cpu ms/move"] = Math.Round(cpuPerMove, 2),
            });
    }
}
