using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using System.Text.Json;
using HdrHistogram;

namespace Crm.LoadTests;

/// <summary>One run of one scenario configuration: latencies in microseconds, counts, errors.</summary>
public sealed record RunResult(string Scenario, string Config, long Count, long Errors, double Seconds, double P50Ms, double P95Ms, double P99Ms, double MaxMs, IReadOnlyDictionary<string, double> Extra)
{
    public double PerSecond => Seconds > 0 ? Count / Seconds : 0;

    public static RunResult From(string scenario, string config, LongHistogram histogram, long errors, double seconds, IReadOnlyDictionary<string, double>? extra = null) =>
        new(scenario, config, histogram.TotalCount, errors, seconds,
            Ms(histogram, 50), Ms(histogram, 95), Ms(histogram, 99), histogram.TotalCount == 0 ? 0 : histogram.GetMaxValue() / 1000.0, extra ?? new Dictionary<string, double>());

    private static double Ms(LongHistogram h, double percentile) => h.TotalCount == 0 ? 0 : h.GetValueAtPercentile(percentile) / 1000.0;
}

/// <summary>Medians over repeated runs, the spread, and the report (console, markdown, JSON).</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Machine() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC{(GCSettings.LatencyMode == GCLatencyMode.SustainedLowLatency ? " (sustained low latency)" : string.Empty)}, {Environment.OSVersion}");

    public static RunResult Median(IReadOnlyList<RunResult> runs) =>
        runs.OrderBy(r => r.P99Ms).ElementAt(runs.Count / 2);

    public static string Markdown(IReadOnlyList<(RunResult Median, IReadOnlyList<RunResult> Runs)> rows, string title)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}. Date: {DateTimeOffset.UtcNow:yyyy-MM-dd}. Each row is the median run (by p99) of {(rows.Count > 0 ? rows[0].Runs.Count : 0)}; spread is min–max of p99 over the runs.");
        sb.AppendLine();
        sb.AppendLine("| scenario | config | count | errors | per s | p50 ms | p95 ms | p99 ms | max ms | p99 spread ms | extra |");
        sb.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
        foreach (var (m, runs) in rows)
        {
            var extra = string.Join(", ", m.Extra.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Key} {e.Value:0.##}")));
            sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {m.Scenario} | {m.Config} | {m.Count} | {m.Errors} | {m.PerSecond:0} | {m.P50Ms:0.00} | {m.P95Ms:0.00} | {m.P99Ms:0.00} | {m.MaxMs:0.00} | {runs.Min(r => r.P99Ms):0.00}–{runs.Max(r => r.P99Ms):0.00} | {extra} |"));
        }

        return sb.ToString();
    }

    public static void Write(IReadOnlyList<(RunResult Median, IReadOnlyList<RunResult> Runs)> rows, string title, string directory)
    {
        var markdown = Markdown(rows, title);
        Console.WriteLine(markdown);
        File.WriteAllText(Path.Combine(directory, "bench-results.md"), markdown);
        File.WriteAllText(Path.Combine(directory, "bench-results.json"), JsonSerializer.Serialize(
            new { machine = Machine(), date = DateTimeOffset.UtcNow, rows = rows.Select(r => new { median = r.Median, runs = r.Runs }) },
            Indented));
    }

    public static long Micros(long startTimestamp) => (long)(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds * 1000);
}
