using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web;
using Crm.Web.Realtime;
using HdrHistogram;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 2: N headless Blazor circuits (<see cref="BlazorCircuitClient"/>) on the pipeline board,
/// signed in as several head-office bench users (so every move reaches every circuit), connections
/// spread over loopback source addresses. One mover moves cards through the hub at a fixed rate
/// (the real command path). Latency: the move's commit time (the board event's CommittedAt) → the
/// arrival at each circuit of the first render batch that carries the moved card's title, on one
/// machine's clock. A missed arrival is an error. Memory per idle circuit: the server's managed heap
/// after a full GC at 0 and at each checkpoint of idle circuits, as a slope.
/// </summary>
public static class CircuitFanOutScenario
{
    private const int BenchUsers = 10;
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    public static async Task<RunResult> RunAsync(int viewers, double movesPerSecond, int moves, bool pin, IReadOnlyList<int>? memoryAt = null)
    {
        memoryAt ??= [];
        await using var server = await BenchServer.StartAsync(BenchUsers, pin, RenameMovableCardsAsync, new Dictionary<string, string>
        {
            // Debug for these categories: they log why the server drops a connection (client silence; response read below Kestrel's minimum data rate). Counted, not printed.
            ["Logging:LogLevel:Microsoft.AspNetCore.SignalR.HubConnectionContext"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel"] = "Debug",
        });
        var cookieHeaders = new List<string>();
        for (var u = 1; u <= BenchUsers; u++)
        {
            cookieHeaders.Add((await server.SignInAsync($"bench{u}@demo.local")).GetCookieHeader(server.BaseAddress));
        }

        using var spread = new LoopbackSpread(Math.Clamp(viewers / 500, 1, 16));
        using var log = new ClientLogCounter();
        var page = new Uri(server.BaseAddress, "boards/opportunities");
        var memory = new List<(int Circuits, BenchMemory Memory)>();
        if (memoryAt.Count > 0)
        {
            memory.Add((0, await server.MemoryAsync()));
        }

        // Connect in waves; a circuit counts once its first render batch has arrived.
        var clients = new ConcurrentBag<BlazorCircuitClient>();
        var connectErrors = 0;
        string? firstConnectError = null;
        var connect = Stopwatch.StartNew();
        var next = 0;
        var capped = false;
        var capMb = int.TryParse(Environment.GetEnvironmentVariable("CRM_BENCH_MAX_SERVER_MB"), out var cap) ? cap : 8192;
        foreach (var target in memoryAt.Where(m => m < viewers).Append(viewers))
        {
            while (next < target && !capped)
            {
                if (server.WorkingSetBytes > capMb * 1024L * 1024)
                {
                    // Measure what the machine allows: stop adding circuits before the shared machine runs out of memory.
                    Console.Error.WriteLine($"  server working set above {capMb} MB (CRM_BENCH_MAX_SERVER_MB) at {clients.Count} circuits: no more circuits");
                    capped = true;
                    break;
                }

                var wave = Enumerable.Range(next, Math.Min(25, target - next)).ToList();
                next += wave.Count;
                await Task.WhenAll(wave.Select(async i =>
                {
                    try
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                        clients.Add(await BlazorCircuitClient.ConnectAsync(spread, i, page, cookieHeaders[i % cookieHeaders.Count], log, timeout.Token));
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        Interlocked.Increment(ref connectErrors);
                        firstConnectError ??= ex.GetType().Name + ": " + ex.Message;
                    }
                }));
                if (next % 500 == 0 || next == target)
                {
                    Console.WriteLine($"  circuits: {clients.Count} connected, {connectErrors} failed, {connect.Elapsed.TotalSeconds:0} s");
                }
            }

            await WaitForQuietAsync(TimeSpan.FromSeconds(60));
            if (memoryAt.Contains(target) && target < viewers && !capped)
            {
                memory.Add((clients.Count, await server.MemoryAsync()));
            }

            if (capped)
            {
                break;
            }
        }

        if (firstConnectError is not null)
        {
            Console.Error.WriteLine("  first connect error: " + firstConnectError);
        }

        var connectSeconds = connect.Elapsed.TotalSeconds;
        var viewersConnected = clients.ToList();
        var serverErrorsBefore = server.ServerErrors;
        viewersConnected.ForEach(c => c.Record(true));

        // The mover: its own hub connection (not counted), the head-office manager; it hears its own events for the commit times.
        var commits = new ConcurrentDictionary<(Guid, long), DateTimeOffset>();
        await using var mover = await server.ConnectMoverAsync(commits);

        var cards = server.MovableCards.Select(c => (c.Id, c.Stage, c.Version, Number: CardNumber(c.Title))).ToList();
        var done = new List<(int Card, Guid Id, long Version)>();
        var moveErrors = 0;
        var interval = TimeSpan.FromSeconds(1 / movesPerSecond);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < moves; i++)
        {
            var due = interval * i;
            if (sw.Elapsed < due)
            {
                await Task.Delay(due - sw.Elapsed);
            }

            var (id, stage, version, number) = cards[i % cards.Count];
            var target = stage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
            var result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, version);
            if (!result.Moved && result is { Version: { } current, Stage: { } currentStage })
            {
                target = currentStage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
                result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, current);
            }

            if (result.Moved)
            {
                cards[i % cards.Count] = (id, target, result.Version!.Value, number);
                done.Add((number, id, result.Version!.Value));
            }
            else
            {
                moveErrors++;
                Console.Error.WriteLine($"  move refused: {result.Code} {result.Message}");
            }
        }

        // Until every circuit has seen every move (or 30 s), then a quiet moment for stragglers.
        var expected = done.Select(d => d.Card).Distinct().Count();
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(30) &&
               viewersConnected.Any(c => c.Arrivals.Select(a => a.Card).Distinct().Count() < expected))
        {
            await Task.Delay(250);
        }

        await WaitForQuietAsync(TimeSpan.FromSeconds(10));
        sw.Stop();

        // The last memory point with every circuit idle again after the moves (a full GC of a large heap pauses the
        // server long enough to drop connections, so not before the latency phase).
        if (memoryAt.Count > 0)
        {
            memory.Add((viewersConnected.Count, await server.MemoryAsync()));
        }

        // Attribution: for move k of card c, the first batch carrying c's title that arrived after k's commit
        // and before the next move of c was committed.
        var histogram = new LongHistogram(TimeStamp.Seconds(120), 3);
        long missed = 0;
        var committedAt = done.Select(d => commits.TryGetValue((d.Id, d.Version), out var at) ? at.UtcTicks : (long?)null).ToList();
        missed += committedAt.Count(c => c is null) * (long)viewersConnected.Count;
        foreach (var client in viewersConnected)
        {
            var arrivals = client.Arrivals.GroupBy(a => a.Card).ToDictionary(g => g.Key, g => g.Select(a => a.AtTicks).Order().ToArray());
            for (var k = 0; k < done.Count; k++)
            {
                if (committedAt[k] is not { } from)
                {
                    continue;
                }

                var nextSame = done.FindIndex(k + 1, d => d.Card == done[k].Card);
                var until = nextSame >= 0 && committedAt[nextSame] is { } n ? n : long.MaxValue;
                var seen = arrivals.TryGetValue(done[k].Card, out var times) ? times.FirstOrDefault(t => t >= from - TimeSpan.TicksPerMillisecond && t < until) : 0;
                if (seen == 0)
                {
                    missed++;
                    continue;
                }

                histogram.RecordValue(Math.Max(0, (seen - from) / 10));
            }
        }

        var clientErrors = viewersConnected.Sum(c => c.Errors);
        var serverErrors = server.ServerErrors - serverErrorsBefore;
        Report(server, log, viewersConnected, done.Count);
        var batchesPerMove = Median(viewersConnected.Select(c => c.RenderBatches / (double)Math.Max(1, done.Count)));
        var titledPerMove = Median(viewersConnected.Select(c => c.TitledBatches / (double)Math.Max(1, done.Count)));
        var bytesPerMove = Median(viewersConnected.Select(c => c.RenderBytes / (double)Math.Max(1, done.Count)));
        var extra = new Dictionary<string, double>
        {
            ["connected"] = viewersConnected.Count,
            ["stopped at memory cap"] = capped ? 1 : 0,
            ["connect s"] = Math.Round(connectSeconds),
            ["moves"] = done.Count,
            ["batches per viewer per move"] = batchesPerMove,
            ["titled batches per viewer per move"] = titledPerMove,
            ["KB per viewer per move"] = bytesPerMove / 1024,
            ["missed"] = missed,
            ["circuits with one titled batch per move"] = viewersConnected.Count(c => c.TitledBatches == done.Count),
            ["client errors"] = clientErrors + log.ErrorCount,
            ["server errors"] = serverErrors,
            ["server client-timeout closes"] = server.ClientTimeouts,
            ["server slow-reader closes"] = server.SlowReaderCloses,
        };
        foreach (var (circuits, m) in memory.Skip(1))
        {
            extra[string.Create(CultureInfo.InvariantCulture, $"KB per circuit at {circuits}")] = (m.ManagedBytes - memory[0].Memory.ManagedBytes) / 1024.0 / Math.Max(1, circuits);
        }

        if (memory.Count > 2)
        {
            extra["KB per circuit (slope)"] = Slope(memory.Select(m => (m.Circuits, m.Memory.ManagedBytes / 1024.0)).ToList());
        }

        if (memory.Count > 1)
        {
            extra["server working set MB"] = memory[^1].Memory.WorkingSetBytes / 1024.0 / 1024;
        }

        await Task.WhenAll(viewersConnected.Select(c => c.DisposeAsync().AsTask()));
        return RunResult.From(
            "circuit fan-out", $"{viewers} circuits{(viewersConnected.Count < viewers ? $" ({viewersConnected.Count} connected)" : string.Empty)}, {movesPerSecond:0.#} moves/s{(pin ? ", pinned" : string.Empty)}", histogram,
            connectErrors + moveErrors + missed + clientErrors + log.ErrorCount + serverErrors, sw.Elapsed.TotalSeconds, extra);
    }

    /// <summary>Least-squares slope of (circuits, KB).</summary>
    public static double Slope(IReadOnlyList<(int X, double Y)> points)
    {
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? 0 : points.Sum(p => (p.X - mx) * (p.Y - my)) / den;
    }

    /// <summary>The cards the bench moves get unique titles (prefix + 4 digits) so a render batch names its move.</summary>
    private static async Task RenameMovableCardsAsync(BenchApp app)
    {
        var movable = (await app.MovableCardsAsync())
            .Where(c => c.Stage is OpportunityStage.FirstContact or OpportunityStage.NeedsAnalysis)
            .OrderBy(c => c.Id)
            .ToList();
        await using var db = app.Database.CreateFor(DemoIds.DemoTenant);
        for (var i = 0; i < movable.Count; i++)
        {
            var title = string.Create(CultureInfo.InvariantCulture, $"{BlazorCircuitClient.TitlePrefix}{i + 1:D4}");
            var changed = await db.Database.ExecuteSqlAsync($"UPDATE Opportunities SET Title = {title} WHERE upper(Id) = upper({movable[i].Id.ToString()})");
            if (changed != 1)
            {
                throw new InvalidOperationException($"Renaming card {movable[i].Id} changed {changed} rows.");
            }
        }
    }

    private static int CardNumber(string title) =>
        title.StartsWith(BlazorCircuitClient.TitlePrefix, StringComparison.Ordinal)
            ? int.Parse(title.AsSpan(BlazorCircuitClient.TitlePrefix.Length, 4), CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"Card '{title}' was not renamed for the bench.");

    private static async Task WaitForQuietAsync(TimeSpan max)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < max && DateTimeOffset.UtcNow - BlazorCircuitClient.LastBatchAt < Quiet)
        {
            await Task.Delay(200);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static void Report(BenchServer server, ClientLogCounter log, List<BlazorCircuitClient> clients, int moves)
    {
        var titled = clients.Select(c => c.TitledBatches).Order().ToArray();
        if (titled.Length > 0)
        {
            Console.WriteLine($"  {clients.Count} circuits, {moves} moves: batches carrying a moved card per circuit min {titled[0]}, median {titled[titled.Length / 2]}, max {titled[^1]}; " +
                $"{clients.Count(c => c.TitledBatches == moves)} circuits with exactly one per move; JS interop calls per circuit {clients.Average(c => c.JsCalls):0.#}");
        }

        Console.WriteLine("  JS interop by identifier (all circuits, whole run): " + string.Join(", ", BlazorCircuitClient.JsIdentifiers.OrderByDescending(j => j.Value).Take(6).Select(j => $"{j.Key} {j.Value}")));
        BlazorCircuitClient.JsIdentifiers.Clear();
        foreach (var error in clients.Where(c => c.FirstError is not null).GroupBy(c => c.FirstError).Take(4))
        {
            Console.Error.WriteLine($"  client first error ({error.Count()} circuits): {error.Key}");
        }

        foreach (var line in log.First.Concat(server.FirstServerErrors))
        {
            Console.Error.WriteLine("  " + line);
        }
    }
}
