using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Board = Crm.Web.Features.Opportunities.PipelinePage;

namespace Crm.E2E.Tests.Cluster;

/// <summary>
/// Scale-out, end to end: two instances of the app on one PostgreSQL and one Redis. A move on A reaches
/// a board on B live; the sign-in cookie of A is valid on B; presence spans both; an external SignalR
/// client gets each event once; and a Redis outage loses nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class TwoInstanceTests(BrowserFixture browser, CrmCluster cluster) : IClassFixture<CrmCluster>, IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];

    [ClusterFact]
    public async Task WhenRep1MovesACardOnInstanceA_ManagerOnInstanceBSeesItWithoutReload_WithTheCookieInstanceAIssued()
    {
        var card = await LeadOwnedByRep1Async();
        var rep1 = await OpenBoardAsync(cluster.A, await SignInAsync(cluster.A, DemoUser.Rep1));

        // The manager signs in on A only; the browser that talks to B carries A's cookie and nothing else.
        var cookieFromA = await SignInAsync(cluster.A, DemoUser.Manager);
        cookieFromA.ShouldContain(c => c.Name == "crm.auth");
        var manager = await OpenBoardAsync(cluster.B, cookieFromA);
        await Expect(manager.Page).Not.ToHaveURLAsync(LoginUrl());
        await Expect(manager.Board.CardIn("lead", card)).ToBeVisibleAsync();
        await using (var db = cluster.DemoDatabase())
        {
            (await db.Set<Crm.Infrastructure.Persistence.DataProtectionKeyRow>().CountAsync()).ShouldBeGreaterThan(0, "the key ring is shared through PostgreSQL");
        }

        // Presence spans the instances.
        await Expect(rep1.Board.Presence(DemoUser.Manager.Email)).ToBeVisibleAsync();
        await Expect(manager.Board.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();
        await manager.Board.MarkDocumentAsync();

        await rep1.Board.MoveByMenuAsync(card, "first-contact");

        await Expect(manager.Board.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(manager.Board.CardIn("lead", card)).ToHaveCountAsync(0);
        (await manager.Board.IsSameDocumentAsync()).ShouldBeTrue("the board on B changed without a reload");
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        await Expect(manager.Board.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
    }

    [ClusterFact]
    public async Task WhenInstanceBIssuedNoCookie_ItStillRedirectsAStrangerToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = cluster.B.BaseAddress };
        var anonymous = await client.GetAsync(new Uri("boards/opportunities", UriKind.Relative));

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [ClusterFact]
    public async Task WhenRep1MovesOnA_ManagersSignalRClientOnBReceivesEachEventExactlyOnce()
    {
        var first = await LeadOwnedByRep1Async();
        var cookies = await SignInAsync(cluster.A, DemoUser.Manager);
        var received = Channel.CreateUnbounded<BoardEvent>();
        await using var client = await JoinBoardAsync(cluster.B, cookies, received.Writer);
        var rep1 = await OpenBoardAsync(cluster.A, await SignInAsync(cluster.A, DemoUser.Rep1));

        await rep1.Board.MoveByMenuAsync(first, "first-contact");
        var moved = await NextEventForAsync(received.Reader, first);
        await Expect(rep1.Board.CardIn("first-contact", first)).ToBeVisibleAsync();
        await rep1.Board.MoveByMenuAsync(first, "needs-analysis");
        var movedAgain = await NextEventForAsync(received.Reader, first);

        // Every instance receives every feed event; only A (which published them) relays them, and the
        // backplane brings them to B's client. A relay on B too would show up here as a second copy.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var late = received.Reader.Buffered();
        late.ShouldNotContain(e => e.Sequence == moved.Sequence || e.Sequence == movedAgain.Sequence, "each event arrives once");
        movedAgain.Sequence.ShouldBe(moved.Sequence + 1);
        OpportunityCard.FromJson(movedAgain.CardJson!).Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        movedAgain.CardVersion.ShouldBe((await StoredAsync(first)).Version);
    }

    [ClusterFact]
    public async Task WhenRedisStopsMidTest_AMoveOnACommits_AndAfterRedisRestartsTheBoardOnBConvergesToTheDatabase()
    {
        var card = await LeadOwnedByRep1Async();
        var rep1 = await OpenBoardAsync(cluster.A, await SignInAsync(cluster.A, DemoUser.Rep1));
        var manager = await OpenBoardAsync(cluster.B, await SignInAsync(cluster.B, DemoUser.Manager));
        await Expect(manager.Board.CardIn("lead", card)).ToBeVisibleAsync();
        await manager.Board.MarkDocumentAsync();

        (await ReadinessAsync(cluster.B)).ShouldBe(("Healthy", "Healthy", "Healthy"));

        cluster.Redis.Stop();
        await rep1.Board.MoveByMenuAsync(card, "first-contact");

        // The move committed although nothing could be published; B has not heard of it.
        await Expect(rep1.Board.CardIn("first-contact", card)).ToBeVisibleAsync();
        await rep1.Board.ExpectSettledAsync(card);
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        await Expect(rep1.Board.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
        await Expect(manager.Board.CardIn("lead", card)).ToBeVisibleAsync();
        (await ReadinessAsync(cluster.A)).ShouldBe(("Degraded", "Healthy", "Degraded"), "the instance serves and commits without Redis");

        cluster.Redis.Restart();

        await Expect(manager.Board.CardIn("first-contact", card)).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(manager.Board.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
        (await manager.Board.IsSameDocumentAsync()).ShouldBeTrue("B's board caught up without a reload");
        var counts = await StoredCountsAsync();
        foreach (var key in PipelinePage.Keys)
        {
            await Expect(manager.Board.ColumnCount(key)).ToHaveTextAsync(Text(counts[key]));
        }

        // A's own connection to Redis comes back by itself too (B's board may converge through B's
        // connection and the sweep before A's next reconnect attempt): its readiness turns healthy.
        (await ReadinessOnceSettledAsync(cluster.A, ("Healthy", "Healthy", "Healthy"))).ShouldBe(("Healthy", "Healthy", "Healthy"));
    }

    /// <summary>Readiness as soon as it is <paramref name="expected"/>, or as it last was after a while (a guard, not a pace).</summary>
    private static async Task<(string Status, string Database, string Redis)> ReadinessOnceSettledAsync(CrmHost host, (string, string, string) expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var readiness = await ReadinessAsync(host);
            if (readiness == expected || DateTime.UtcNow > deadline)
            {
                return readiness;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>/health/ready of an instance: overall, database and Redis, as it reports them.</summary>
    private static async Task<(string Status, string Database, string Redis)> ReadinessAsync(CrmHost host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync(new Uri("health/ready", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        return (
            report.RootElement.GetProperty("status").GetString()!,
            checks.GetProperty("database").GetProperty("status").GetString()!,
            checks.GetProperty("redis").GetProperty("status").GetString()!);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Signs the user in on <paramref name="host"/> in a fresh browser context and returns the cookies it issued.</summary>
    private async Task<IReadOnlyList<BrowserContextCookiesResult>> SignInAsync(CrmHost host, DemoUser user)
    {
        var context = await NewContextAsync(host);
        var page = await context.NewPageAsync();
        await new LoginPage(page).SignInFromScratchAsync(user.Email, BrowserTest.DemoPassword);
        return await context.CookiesAsync();
    }

    /// <summary>A fresh browser context on <paramref name="host"/> holding the given cookies, with the board open.</summary>
    private async Task<(IPage Page, PipelinePage Board)> OpenBoardAsync(CrmHost host, IReadOnlyList<BrowserContextCookiesResult> cookies)
    {
        var context = await NewContextAsync(host);
        await context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var page = await context.NewPageAsync();
        var board = new PipelinePage(page);
        await board.GotoAsync();
        return (page, board);
    }

    private async Task<IBrowserContext> NewContextAsync(CrmHost host)
    {
        var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        context.SetDefaultTimeout(20_000);
        _contexts.Add(context);
        return context;
    }

    private static async Task<HubConnection> JoinBoardAsync(CrmHost host, IReadOnlyList<BrowserContextCookiesResult> cookies, ChannelWriter<BoardEvent> received)
    {
        var container = new CookieContainer();
        foreach (var cookie in cookies)
        {
            container.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.BaseAddress, "hubs/boards"), options => options.Cookies = container)
            .Build();
        connection.On<BoardEvent>("BoardEvent", e => received.TryWrite(e));
        await connection.StartAsync();
        await connection.InvokeAsync("JoinBoard", Boards.Opportunities);
        return connection;
    }

    private static async Task<BoardEvent> NextEventForAsync(ChannelReader<BoardEvent> events, Guid cardId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var boardEvent in events.ReadAllAsync(deadline.Token))
        {
            if (boardEvent.CardId == cardId)
            {
                return boardEvent;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }

    /// <summary>A card of rep1 still in Lead (each test moves one out, the next takes another).</summary>
    private async Task<Guid> LeadOwnedByRep1Async()
    {
        await using var db = cluster.DemoDatabase();
        var ids = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == DemoIds.Rep1 && o.Stage == OpportunityStage.Lead && o.Id != DemoIds.Rep1FreshLead)
            .Select(o => o.Id)
            .ToListAsync();
        return ids.Select(id => id.Value).Order().First();
    }

    private async Task<Opportunity> StoredAsync(Guid id)
    {
        await using var db = cluster.DemoDatabase();
        var opportunityId = new OpportunityId(id);
        return await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunityId);
    }

    private async Task<IReadOnlyDictionary<string, int>> StoredCountsAsync()
    {
        await using var db = cluster.DemoDatabase();
        var stages = await db.Opportunities.AsNoTracking().Select(o => o.Stage).ToListAsync();
        return PipelinePage.Keys.ToDictionary(key => key, key => stages.Count(s => Board.KeyOf(s) == key));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("/Account/Login")]
    private static partial Regex LoginUrl();
}

internal static class ChannelReading
{
    /// <summary>What is buffered right now, without waiting.</summary>
    public static List<BoardEvent> Buffered(this ChannelReader<BoardEvent> reader)
    {
        var events = new List<BoardEvent>();
        while (reader.TryRead(out var boardEvent))
        {
            events.Add(boardEvent);
        }

        return events;
    }
}
