using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>External clients at /hubs/boards: a signed-in one gets the board's events, an anonymous one is turned away.</summary>
public sealed class PipelineHubTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    private Uri HubUrl => new(App.BaseAddress, "hubs/boards");

    [Fact]
    public async Task WhenRepMovesCardInTheBrowser_ManagersSignalRClientReceivesTheEventsInSequence()
    {
        var card = DemoIds.Rep1FreshLead.Value;
        var (_, cookies) = await SignInAsync(DemoUser.Manager);
        var events = Channel.CreateUnbounded<BoardEvent>();
        await using var connection = await JoinBoardAsync(cookies, events.Writer);
        long sequenceBefore;
        await using (var db = App.DemoDatabase())
        {
            sequenceBefore = await OpportunityCards.CurrentSequenceAsync(db, Boards.Opportunities, CancellationToken.None);
        }

        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        await rep1.MoveByMenuAsync(card, "first-contact");
        var moved = await NextEventForAsync(events.Reader, card);
        await Expect(rep1.CardIn("first-contact", card)).ToBeVisibleAsync();
        await rep1.MoveByMenuAsync(card, "needs-analysis");
        var movedAgain = await NextEventForAsync(events.Reader, card);

        moved.Kind.ShouldBe(BoardEventKinds.Moved);
        moved.Board.ShouldBe(Boards.Opportunities);
        moved.TenantId.ShouldBe(DemoIds.DemoTenant.Value);
        moved.ActorName.ShouldBe(DemoUser.Rep1.DisplayName);
        moved.Sequence.ShouldBeGreaterThan(sequenceBefore);
        OpportunityCard.FromJson(moved.CardJson!).Stage.ShouldBe(OpportunityStage.FirstContact);
        movedAgain.Sequence.ShouldBeGreaterThan(moved.Sequence);
        movedAgain.CardVersion.ShouldBeGreaterThan(moved.CardVersion);
        OpportunityCard.FromJson(movedAgain.CardJson!).Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        movedAgain.CardVersion.ShouldBe(stored.Version);
    }

    [Fact]
    public async Task WhenRepMovesOwnCard_OtherRepsSignalRClientNeverReceivesIt()
    {
        var rep1Card = await LeadOwnedByAsync(DemoIds.Rep1);
        var rep2Card = await LeadOwnedByAsync(DemoIds.Rep2);
        var (_, managerCookies) = await SignInAsync(DemoUser.Manager);
        var (rep2Page, rep2Cookies) = await SignInAsync(DemoUser.Rep2);
        var managerEvents = Channel.CreateUnbounded<BoardEvent>();
        var rep2Events = Channel.CreateUnbounded<BoardEvent>();
        await using var managerClient = await JoinBoardAsync(managerCookies, managerEvents.Writer);
        await using var rep2Client = await JoinBoardAsync(rep2Cookies, rep2Events.Writer);
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);

        await rep1.MoveByMenuAsync(rep1Card, "first-contact");
        var rep1Move = await NextEventForAsync(managerEvents.Reader, rep1Card);

        // The relay sends events in order: rep2's own later move is the first thing rep2's client gets.
        var rep2Board = new PipelinePage(rep2Page);
        await rep2Board.GotoAsync();
        await rep2Board.MoveByMenuAsync(rep2Card, "first-contact");
        var rep2Move = await NextEventForAsync(managerEvents.Reader, rep2Card);
        var firstForRep2 = await NextEventForAsync(rep2Events.Reader, null);

        firstForRep2.CardId.ShouldBe(rep2Card);
        firstForRep2.Sequence.ShouldBe(rep2Move.Sequence);
        rep2Move.Sequence.ShouldBeGreaterThan(rep1Move.Sequence);
    }

    [Fact]
    public async Task WhenManagersClientMovesRepsCardWithTheCurrentVersion_ItMovesAndRepsBoardShowsItWithoutReload()
    {
        var card = await LeadOwnedByAsync(DemoIds.Rep1);
        var before = await StoredAsync(card);
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        await Expect(rep1.CardIn("lead", card)).ToBeVisibleAsync();
        await rep1.MarkDocumentAsync();
        var (_, cookies) = await SignInAsync(DemoUser.Manager);
        await using var connection = await JoinBoardAsync(cookies, Channel.CreateUnbounded<BoardEvent>().Writer);

        var result = await connection.InvokeAsync<HubMoveResult>("MoveOpportunity", card, OpportunityStage.FirstContact, before.Version);

        result.Moved.ShouldBeTrue($"the move was refused: {result.Code} {result.Message}");
        result.Code.ShouldBeNull();
        result.Version.ShouldBe(before.Version + 1);
        result.Stage.ShouldBe(OpportunityStage.FirstContact);
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        stored.Version.ShouldBe(before.Version + 1);
        await Expect(rep1.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(rep1.CardIn("lead", card)).ToHaveCountAsync(0);
        await Expect(rep1.Card(card)).ToHaveAttributeAsync("data-version", (before.Version + 1).ToString(CultureInfo.InvariantCulture));
        (await rep1.IsSameDocumentAsync()).ShouldBeTrue("rep1's board changed without a reload");
    }

    [Fact]
    public async Task WhenManagersClientMovesWithAStaleVersion_ItIsRefusedAsChangedMeanwhileAndNothingIsWritten()
    {
        var card = await LeadOwnedByAsync(DemoIds.Rep1);
        var before = await StoredAsync(card);
        var (_, cookies) = await SignInAsync(DemoUser.Manager);
        await using var connection = await JoinBoardAsync(cookies, Channel.CreateUnbounded<BoardEvent>().Writer);
        var first = await connection.InvokeAsync<HubMoveResult>("MoveOpportunity", card, OpportunityStage.FirstContact, before.Version);
        first.Moved.ShouldBeTrue($"the first move was refused: {first.Code} {first.Message}");
        var afterFirst = await StoredAsync(card);

        var stale = await connection.InvokeAsync<HubMoveResult>("MoveOpportunity", card, OpportunityStage.NeedsAnalysis, before.Version);

        stale.Moved.ShouldBeFalse();
        stale.Code.ShouldBe("opportunity.changed-meanwhile");
        stale.Message.ShouldNotBeNullOrWhiteSpace();
        stale.Version.ShouldBe(before.Version + 1);
        stale.Stage.ShouldBe(OpportunityStage.FirstContact);
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        stored.Version.ShouldBe(afterFirst.Version);
    }

    [Fact]
    public async Task WhenClientIsNotSignedIn_HubRefusesTheConnection()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(HubUrl).Build();

        var refused = await Should.ThrowAsync<HttpRequestException>(() => connection.StartAsync());

        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        connection.State.ShouldBe(HubConnectionState.Disconnected);
    }

    /// <summary>Signs in through the real form in a browser context and hands over its cookies.</summary>
    private async Task<(IPage Page, CookieContainer Cookies)> SignInAsync(DemoUser user)
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(user.Email, DemoPassword);
        var cookies = new CookieContainer();
        foreach (var cookie in await page.Context.CookiesAsync())
        {
            cookies.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return (page, cookies);
    }

    /// <summary>A .NET SignalR client with the user's cookies, joined to the pipeline board, writing what it receives.</summary>
    private async Task<HubConnection> JoinBoardAsync(CookieContainer cookies, ChannelWriter<BoardEvent> received)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(HubUrl, options => options.Cookies = cookies)
            .Build();
        connection.On<BoardEvent>("BoardEvent", e => received.TryWrite(e));
        await connection.StartAsync();
        await connection.InvokeAsync("JoinBoard", Boards.Opportunities);
        return connection;
    }

    /// <summary>
    /// Reads the client's events up to the first for the card (or the very next one, for none);
    /// the deadline only guards against an event that never comes.
    /// </summary>
    private static async Task<BoardEvent> NextEventForAsync(ChannelReader<BoardEvent> events, Guid? cardId)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await foreach (var boardEvent in events.ReadAllAsync(deadline.Token))
        {
            if (cardId is null || boardEvent.CardId == cardId)
            {
                return boardEvent;
            }
        }

        throw new InvalidOperationException("The event stream ended.");
    }
}
