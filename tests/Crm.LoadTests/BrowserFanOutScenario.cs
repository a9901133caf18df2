using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Realtime;
using HdrHistogram;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Board = Crm.Web.Features.Opportunities.PipelinePage;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 1, the truth probe: N real Chromium pages (separate contexts, N different head-office
/// users) on the pipeline board; one user moves cards through the hub at a fixed rate. For each move
/// and each page: the time from the move's commit until that page's DOM shows the card in its new
/// column, taken by a MutationObserver in the page (performance.timeOrigin + now(), the same clock
/// as the server's commit time on one machine). Also the Blazor render-batch bytes each page receives
/// over its WebSocket per move.
/// </summary>
public static class BrowserFanOutScenario
{
    // Every card element added to the DOM, with the column it landed in and when (epoch ms).
    private const string Observer = """
        window.__crmArrivals = [];
        new MutationObserver(mutations => {
          const t = performance.timeOrigin + performance.now();
          for (const m of mutations) {
            for (const n of m.addedNodes) {
              if (n.nodeType !== 1) continue;
              const cards = n.matches('[data-testid^="card-"]') ? [n] : n.querySelectorAll('[data-testid^="card-"]');
              for (const c of cards) {
                const id = c.getAttribute('data-testid').substring(5);
                if (id.startsWith('menu-')) continue;
                const column = c.closest('section[data-testid^="column-"]');
                window.__crmArrivals.push([id, column ? column.getAttribute('data-testid').substring(7) : '', t]);
              }
            }
          }
        }).observe(document, { childList: true, subtree: true });
        """;

    public static async Task<RunResult> RunAsync(int viewers, double movesPerSecond, int moves, bool pin)
    {
        await using var server = await BenchServer.StartAsync(benchUsers: viewers, pin);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CRM_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"],
        });

        var pages = new List<IPage>();
        var bytes = new long[viewers];
        var counting = 0;
        for (var i = 0; i < viewers; i++)
        {
            var cookies = await server.SignInAsync($"bench{i + 1}@demo.local");
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = server.BaseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            await context.AddCookiesAsync([.. cookies.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = "127.0.0.1", Path = c.Path })]);
            await context.AddInitScriptAsync(Observer);
            var page = await context.NewPageAsync();
            var index = i;
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                if (Volatile.Read(ref counting) == 1)
                {
                    Interlocked.Add(ref bytes[index], frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? string.Empty));
                }
            };
            await page.GotoAsync("boards/opportunities");
            await page.GetByTestId("circuit-live").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
            await page.GetByTestId("board-opportunities").WaitForAsync(new() { Timeout = 60_000 });
            pages.Add(page);
        }

        // The mover listens to its own moves for their commit times.
        var commits = new ConcurrentDictionary<(Guid, long), DateTimeOffset>();
        await using var mover = await server.ConnectMoverAsync(commits);

        var cards = server.MovableCards.Select(c => (c.Id, c.Stage, c.Version)).ToList();
        var done = new List<(Guid Card, string Column, long Version)>();
        var moveErrors = 0;
        Volatile.Write(ref counting, 1);
        var interval = TimeSpan.FromSeconds(1 / movesPerSecond);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < moves; i++)
        {
            var due = interval * i;
            if (sw.Elapsed < due)
            {
                await Task.Delay(due - sw.Elapsed);
            }

            var (id, stage, version) = cards[i % cards.Count];
            var target = stage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
            var result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, version);
            if (!result.Moved && result is { Version: { } current, Stage: { } currentStage })
            {
                target = currentStage == OpportunityStage.FirstContact ? OpportunityStage.NeedsAnalysis : OpportunityStage.FirstContact;
                result = await mover.InvokeAsync<HubMoveResult>(nameof(BoardHub.MoveOpportunity), id, target, current);
            }

            if (result.Moved)
            {
                cards[i % cards.Count] = (id, target, result.Version!.Value);
                done.Add((id, Board.KeyOf(target), result.Version!.Value));
            }
            else
            {
                moveErrors++;
            }
        }

        // Let the last move arrive everywhere, then stop counting bytes.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Volatile.Write(ref counting, 0);
        sw.Stop();

        var histogram = new LongHistogram(TimeStamp.Seconds(60), 3);
        long missing = 0;
        foreach (var page in pages)
        {
            var arrivals = JsonSerializer.Deserialize<JsonElement[][]>(await page.EvaluateAsync<string>("JSON.stringify(window.__crmArrivals)"))!
                .Where(a => Guid.TryParse(a[0].GetString(), out _))
                .Select(a => (Card: Guid.Parse(a[0].GetString()!), Column: a[1].GetString()!, At: a[2].GetDouble()))
                .ToList();
            foreach (var (card, column, version) in done)
            {
                if (!commits.TryGetValue((card, version), out var committed))
                {
                    missing++;
                    continue;
                }

                var committedMs = committed.ToUnixTimeMilliseconds() + (committed.Ticks % TimeSpan.TicksPerMillisecond) / (double)TimeSpan.TicksPerMillisecond;
                var seen = arrivals.Where(a => a.Card == card && a.Column == column && a.At >= committedMs - 1).Select(a => a.At).DefaultIfEmpty(double.NaN).Min();
                if (double.IsNaN(seen))
                {
                    missing++;
                    continue;
                }

                histogram.RecordValue((long)Math.Max(0, (seen - committedMs) * 1000));
            }
        }

        var sortedBytes = bytes.Order().ToArray();
        return RunResult.From(
            "browser fan-out", $"{viewers} Chromium pages, {movesPerSecond:0.#} moves/s{(pin ? ", pinned" : string.Empty)}", histogram, moveErrors + missing, sw.Elapsed.TotalSeconds,
            new Dictionary<string, double>
            {
                ["moves"] = done.Count,
                ["median bytes per viewer per move"] = done.Count == 0 ? 0 : sortedBytes[sortedBytes.Length / 2] / (double)done.Count,
                ["max bytes per viewer per move"] = done.Count == 0 ? 0 : sortedBytes[^1] / (double)done.Count,
            });
    }
}
