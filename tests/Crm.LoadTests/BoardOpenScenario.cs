using System.Diagnostics;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Opportunities;
using HdrHistogram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Crm.LoadTests;

/// <summary>
/// Scenario 3: the pipeline board with thousands of open opportunities. The server's board query
/// (the head-office manager's LoadBoard: visibility, cards, sequence, settings) timed in process;
/// then navigation → first card visible in Chromium; and how many card components the page holds.
/// </summary>
public static class BoardOpenScenario
{
    public static async Task<IReadOnlyList<RunResult>> RunAsync(int openOpportunities, int queries, int navigations, bool pin)
    {
        var query = new LongHistogram(TimeStamp.Seconds(60), 3);
        await using var server = await BenchServer.StartAsync(benchUsers: 0, pin, async app =>
        {
            await AddOpenOpportunitiesAsync(app, openOpportunities);
            await using var scope = app.ManagerScope();
            var commands = scope.ServiceProvider.GetRequiredService<OpportunityCommands>();
            for (var i = 0; i < queries + 5; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var load = await commands.LoadBoardAsync();
                if (i >= 5)
                {
                    query.RecordValue(Report.Micros(start));
                }

                if (load.Totals.Values.Sum(t => t.Count) < openOpportunities)
                {
                    throw new InvalidOperationException($"The board counted {load.Totals.Values.Sum(t => t.Count)} cards, fewer than {openOpportunities}.");
                }
            }
        });

        var cookies = await server.SignInAsync("manager@demo.local");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CRM_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        await context.AddCookiesAsync([.. cookies.GetAllCookies().Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = "127.0.0.1", Path = c.Path })]);
        var page = await context.NewPageAsync();
        var open = new LongHistogram(TimeStamp.Seconds(60), 3);
        var components = 0;
        for (var i = 0; i < navigations + 2; i++)
        {
            await page.GotoAsync("about:blank");
            var start = Stopwatch.GetTimestamp();
            await page.GotoAsync("boards/opportunities", new() { WaitUntil = WaitUntilState.Commit });
            await page.Locator("[data-testid^='card-']").First.WaitForAsync(new() { Timeout = 60_000 });
            if (i >= 2)
            {
                open.RecordValue(Report.Micros(start));
            }

            components = await page.EvaluateAsync<int>(
                "[...document.querySelectorAll('[data-testid^=\"card-\"]')].filter(e => /^card-[0-9a-f-]{36}$/.test(e.getAttribute('data-testid'))).length");
        }

        var config = $"{openOpportunities:N0} open opportunities{(pin ? ", pinned" : string.Empty)}";
        return
        [
            RunResult.From("board open: server query", config, query, 0, 0),
            RunResult.From("board open: navigation → first card", config, open, 0, 0, new Dictionary<string, double> { ["card components"] = components }),
        ];
    }

    /// <summary>Open opportunities on the demo customers, owned by the reps and the manager, spread over Lead, First contact and Needs analysis.</summary>
    private static async Task AddOpenOpportunitiesAsync(BenchApp app, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var owners = new[] { (DemoIds.Rep1, DemoIds.TmallShop), (DemoIds.Rep2, DemoIds.JdShop), (DemoIds.Manager, DemoIds.AlibabaShop) };
        var stages = new[] { OpportunityStage.Lead, OpportunityStage.FirstContact, OpportunityStage.NeedsAnalysis };
        var random = new Random(5000);
        for (var batch = 0; batch < count; batch += 500)
        {
            await using var db = app.Database.CreateFor(DemoIds.DemoTenant);
            for (var i = batch; i < Math.Min(count, batch + 500); i++)
            {
                var (owner, shop) = owners[i % owners.Length];
                var opportunity = Opportunity.Open(
                    OpportunityId.New(), DemoIds.DemoTenant, shop, DemoIds.Customer(1 + random.Next(DemoIds.CustomerCount)), null, owner,
                    $"Bench deal {i + 1}", Money.Create(random.Next(1, 500) * 1000m), DateOnly.FromDateTime(now.UtcDateTime.AddDays(30 + (i % 90))),
                    SourceChannel.Website, ScoringInputs.Unknown, ScoringRules.Default, now.AddMinutes(-i));
                var stage = stages[i % stages.Length];
                if (stage != OpportunityStage.Lead)
                {
                    opportunity.MoveTo(stage, StageBlueprint.Default, owner, actorIsManager: false, now);
                }

                opportunity.ClearDomainEvents();
                db.Opportunities.Add(opportunity);
            }

            await db.SaveChangesAsync();
        }
    }
}
