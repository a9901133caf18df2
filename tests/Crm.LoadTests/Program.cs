using System.Globalization;
using Crm.LoadTests;

// Usage: dotnet run -c Release --project tests/Crm.LoadTests -- [write|storm|hub|circuits|browsers|open|all] [--quick] [--runs N] [--pin]
// circuits also takes --viewers N [--rate R] [--memory] (one configuration of N circuits at R moves/s, default 5; --memory: heap slope
// over 0, 100 and N idle circuits) and --verify (5 circuits, slow moves:
// exactly one render batch per circuit per move, none missed; exit code 1 otherwise).
// Scenarios are bounded in count and time and stop by themselves. Results: bench-results.md and .json.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
var quick = args.Contains("--quick");
var runsIndex = Array.IndexOf(args, "--runs");
var runs = runsIndex >= 0 && runsIndex + 1 < args.Length ? int.Parse(args[runsIndex + 1], CultureInfo.InvariantCulture) : 3;

var rows = new List<(RunResult Median, IReadOnlyList<RunResult> Runs)>();

async Task Repeat(Func<Task<RunResult>> run)
{
    var results = new List<RunResult>();
    for (var i = 0; i < runs; i++)
    {
        var result = await run();
        Console.WriteLine($"  run {i + 1}: {result.Scenario} [{result.Config}] {result.Count} in {result.Seconds:0.0} s, p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, errors {result.Errors}");
        results.Add(result);
    }

    rows.Add((Report.Median(results), results));
}

if (scenario is "write" or "all")
{
    var moves = quick ? 300 : 2000;
    var databases = await BenchApp.PostgresAvailableAsync() ? new[] { false, true } : [false];
    foreach (var postgres in databases)
    {
        foreach (var writers in new[] { 1, 4, 16 })
        {
            await Repeat(() => WritePathScenario.RunAsync(writers, Math.Max(1, moves / writers), postgres));
        }
    }
}

if (scenario is "storm" or "all")
{
    await Repeat(() => ConflictStormScenario.RunAsync(clients: 20, cardCount: 10, duration: TimeSpan.FromSeconds(quick ? 5 : 20)));
}

var pin = args.Contains("--pin");
if (scenario is "hub" or "all")
{
    foreach (var connections in quick ? new[] { 100, 1000 } : new[] { 1000, 10_000 })
    {
        await Repeat(() => HubFanOutScenario.RunAsync(connections, movesPerSecond: 5, moves: quick ? 25 : 100, pin));
    }
}

if (scenario is "circuits" or "all")
{
    var viewersIndex = Array.IndexOf(args, "--viewers");
    if (args.Contains("--verify"))
    {
        // Slow moves, few circuits: every circuit must get exactly one batch carrying each move, none missed, no errors.
        var check = await CircuitFanOutScenario.RunAsync(5, movesPerSecond: 0.5, moves: 8, pin);
        var ok = check.Errors == 0 && check.Count == 5 * 8 && check.Extra["circuits with one titled batch per move"] == 5;
        Console.WriteLine($"circuits --verify: {(ok ? "PASS" : "FAIL")}: {check.Count} arrivals for 5 circuits × 8 moves, errors {check.Errors}, " +
            $"{check.Extra["circuits with one titled batch per move"]} circuits with exactly one titled batch per move, {check.Extra["batches per viewer per move"]:0.##} batches per move");
        return ok ? 0 : 1;
    }

    if (viewersIndex >= 0 && viewersIndex + 1 < args.Length)
    {
        var n = int.Parse(args[viewersIndex + 1], CultureInfo.InvariantCulture);
        var rateIndex = Array.IndexOf(args, "--rate");
        var rate = rateIndex >= 0 && rateIndex + 1 < args.Length ? double.Parse(args[rateIndex + 1], CultureInfo.InvariantCulture) : 5;
        // --memory: the server's heap after a full GC at 0, 100 and n idle circuits (the slope per circuit).
        IReadOnlyList<int>? memoryAt = args.Contains("--memory") ? [100, n] : null;
        await Repeat(() => CircuitFanOutScenario.RunAsync(n, movesPerSecond: rate, moves: quick ? 15 : 50, pin, memoryAt));
    }
    else
    {
        await Repeat(() => CircuitFanOutScenario.RunAsync(100, movesPerSecond: 5, moves: quick ? 15 : 50, pin));
        if (quick)
        {
            // Quick mode stays near two minutes a run: each circuit costs ~0.2 s to prerender and connect.
            await Repeat(() => CircuitFanOutScenario.RunAsync(250, movesPerSecond: 1, moves: 5, pin, memoryAt: [100, 250]));
        }
        else
        {
            await Repeat(() => CircuitFanOutScenario.RunAsync(1000, movesPerSecond: 1, moves: 20, pin, memoryAt: [100, 1000]));
            await Repeat(() => CircuitFanOutScenario.RunAsync(5000, movesPerSecond: 1, moves: 10, pin, memoryAt: [100, 1000, 5000]));
        }
    }
}

if (scenario is "browsers" or "all")
{
    foreach (var viewers in new[] { 20, 50 })
    {
        await Repeat(() => BrowserFanOutScenario.RunAsync(viewers, movesPerSecond: 1, moves: quick ? 10 : 30, pin));
    }
}

if (scenario is "open" or "all")
{
    var results = new List<IReadOnlyList<RunResult>>();
    for (var i = 0; i < runs; i++)
    {
        var run = await BoardOpenScenario.RunAsync(openOpportunities: 5000, queries: quick ? 20 : 50, navigations: quick ? 8 : 20, pin);
        run.ToList().ForEach(r => Console.WriteLine($"  run {i + 1}: {r.Scenario} [{r.Config}] p50 {r.P50Ms:0.00} ms, p95 {r.P95Ms:0.00} ms"));
        results.Add(run);
    }

    for (var part = 0; part < results[0].Count; part++)
    {
        var parts = results.Select(r => r[part]).ToList();
        rows.Add((Report.Median(parts), parts));
    }
}

Report.Write(rows, "Crm benchmark", Directory.GetCurrentDirectory());
return 0;
