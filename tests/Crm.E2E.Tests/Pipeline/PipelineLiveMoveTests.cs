using System.Globalization;
using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>A rep moves a card; every board that may see it shows the move live, and no other rep's board does.</summary>
public sealed class PipelineLiveMoveTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenRepMovesCardByMenu_ManagerBoardShowsItInFirstContactWithCountsAndFunnelWithoutReload()
    {
        var card = DemoIds.Rep1FreshLead.Value;
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        await Expect(manager.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();
        await Expect(rep1.Presence(DemoUser.Manager.Email)).ToBeVisibleAsync();
        await Expect(rep1.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(manager.SupervisorPanel).ToBeVisibleAsync();
        var leads = await manager.CountAsync("lead");
        var firstContacts = await manager.CountAsync("first-contact");
        var funnelLeads = await manager.FunnelCountAsync("lead");
        var funnelFirstContacts = await manager.FunnelCountAsync("first-contact");
        var repLeads = await rep1.CountAsync("lead");
        await manager.MarkDocumentAsync();

        await rep1.MoveByMenuAsync(card, "first-contact");

        await Expect(manager.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("lead", card)).ToHaveCountAsync(0);
        await Expect(manager.ColumnCount("lead")).ToHaveTextAsync(Text(leads - 1));
        await Expect(manager.ColumnCount("first-contact")).ToHaveTextAsync(Text(firstContacts + 1));
        await Expect(manager.FunnelCount("lead")).ToHaveTextAsync(Text(funnelLeads - 1));
        await Expect(manager.FunnelCount("first-contact")).ToHaveTextAsync(Text(funnelFirstContacts + 1));
        await Expect(rep1.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(rep1.ColumnCount("lead")).ToHaveTextAsync(Text(repLeads - 1));
        (await manager.IsSameDocumentAsync()).ShouldBeTrue("the manager's board changed without a reload");

        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        await Expect(manager.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
        await Expect(rep1.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));

        // The README's picture of the board: the manager's view right after the live move.
        await manager.Page.SetViewportSizeAsync(1440, 900);
        await Expect(manager.CardIn("first-contact", card)).ToBeVisibleAsync();
        await manager.Page.ScreenshotAsync(new() { Path = RepositoryRoot.File("docs", "screenshot-pipeline.png") });
    }

    [Fact]
    public async Task WhenRepDragsCardOntoFirstContact_ManagerBoardShowsItThereWithCountsWithoutReload()
    {
        var card = await LeadOwnedByAsync(DemoIds.Rep1);
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        await Expect(rep1.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("lead", card)).ToBeVisibleAsync();
        var leads = await manager.CountAsync("lead");
        var firstContacts = await manager.CountAsync("first-contact");
        var funnelFirstContacts = await manager.FunnelCountAsync("first-contact");
        var firstContactSum = await manager.ColumnSum("first-contact").InnerTextAsync();
        await manager.MarkDocumentAsync();

        await rep1.DragAsync(card, "first-contact");

        await Expect(rep1.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("first-contact", card)).ToBeVisibleAsync();
        await Expect(manager.ColumnCount("lead")).ToHaveTextAsync(Text(leads - 1));
        await Expect(manager.ColumnCount("first-contact")).ToHaveTextAsync(Text(firstContacts + 1));
        await Expect(manager.ColumnSum("first-contact")).Not.ToHaveTextAsync(firstContactSum);
        await Expect(manager.FunnelCount("first-contact")).ToHaveTextAsync(Text(funnelFirstContacts + 1));
        (await manager.IsSameDocumentAsync()).ShouldBeTrue("the manager's board changed without a reload");
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.FirstContact);
        await Expect(manager.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
    }

    [Fact]
    public async Task WhenRepMovesOwnCard_OtherRepsBoardNeverShowsItAndKeepsItsCounts()
    {
        var card = await LeadOwnedByAsync(DemoIds.Rep1);
        var rep2 = await OpenBoardAsync(DemoUser.Rep2);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        await Expect(rep2.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();
        await Expect(manager.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(rep1.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(rep2.Card(card)).ToHaveCountAsync(0);
        var rep2Counts = await rep2.CountsAsync();

        await rep1.MoveByMenuAsync(card, "first-contact");

        // The manager got the event, so it went out to every board; someone joining afterwards is
        // announced to rep2 behind it on the same feed: once rep2 shows them, rep2 has had the move.
        await Expect(manager.CardIn("first-contact", card)).ToBeVisibleAsync();
        await OpenBoardAsync(DemoUser.Admin);
        await Expect(rep2.Presence(DemoUser.Admin.Email)).ToBeVisibleAsync();

        await Expect(rep2.Card(card)).ToHaveCountAsync(0);
        foreach (var (key, count) in rep2Counts)
        {
            await Expect(rep2.ColumnCount(key)).ToHaveTextAsync(Text(count));
        }
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
