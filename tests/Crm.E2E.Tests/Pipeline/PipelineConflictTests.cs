using System.Globalization;
using System.Text.RegularExpressions;
using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>Two users move the same card at once: one wins, the other is told, and both boards end as the database.</summary>
public sealed partial class PipelineConflictTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenRepAndManagerMoveTheSameCardAtOnce_OneWinsTheOtherIsToldAndBothBoardsMatchTheDatabase()
    {
        var card = DemoIds.Rep1FreshLead.Value;
        var (rep1, rep1Link) = await OpenBoardThroughLinkAsync(DemoUser.Rep1);
        var (manager, managerLink) = await OpenBoardThroughLinkAsync(DemoUser.Manager);
        await Expect(rep1.CardIn("lead", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("lead", card)).ToBeVisibleAsync();
        var before = await StoredAsync(card);
        await rep1.OpenMenuAsync(card);
        await manager.OpenMenuAsync(card);

        // "At once": neither browser may learn of the other's move before its own click reaches the
        // server, so both clicks are made on the card as both saw it (the same version).
        rep1Link.Hold();
        managerLink.Hold();
        await Task.WhenAll(
            rep1.MoveItem(card, "first-contact").ClickAsync(),
            manager.MoveItem(card, "needs-analysis").ClickAsync());
        rep1Link.Release();
        managerLink.Release();

        // Each board learns the outcome from the server: the winner's version, on both.
        await Expect(rep1.Card(card)).Not.ToHaveAttributeAsync("data-version", Text(before.Version));
        await Expect(manager.Card(card)).Not.ToHaveAttributeAsync("data-version", Text(before.Version));
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBeOneOf(OpportunityStage.FirstContact, OpportunityStage.NeedsAnalysis);
        var (winner, loser, stageName, key) = stored.Stage == OpportunityStage.FirstContact
            ? (DemoUser.Rep1, manager, "First contact", "first-contact")
            : (DemoUser.Manager, rep1, "Needs analysis", "needs-analysis");

        await Expect(loser.Snackbar).ToContainTextAsync($"{winner.DisplayName} moved this to {stageName}");
        await Expect(loser.Snackbar).ToContainTextAsync("Your move was not saved");
        foreach (var board in new[] { rep1, manager })
        {
            await Expect(board.CardIn(key, card)).ToBeVisibleAsync();
            await Expect(board.Card(card)).ToHaveAttributeAsync("data-stage", stored.Stage.ToString());
            await Expect(board.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
            await board.ExpectSettledAsync(card);
        }

        // Not just the card: every column of both boards shows what the database holds for that user.
        var all = await StoredCountsAsync();
        var rep1s = await StoredCountsAsync(DemoIds.Rep1);
        foreach (var column in PipelinePage.Keys)
        {
            await Expect(manager.ColumnCount(column)).ToHaveTextAsync(Text(all[column]));
            await Expect(rep1.ColumnCount(column)).ToHaveTextAsync(Text(rep1s[column]));
        }

        var winnerBoard = loser == rep1 ? manager : rep1;
        await Expect(winnerBoard.Snackbar).ToHaveCountAsync(0);
        (await StoredAsync(card)).Version.ShouldBe(stored.Version, "the loser's move wrote nothing");
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
