using System.Globalization;
using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>A move the blueprint gates asks for the missing details; given, the move goes live; cancelled, the card goes back.</summary>
public sealed class PipelineCompletionTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenRepGivesTheNeedsSummaryTheProposalAsksFor_CardIsInProposalOnBothBoards()
    {
        var card = DemoIds.Rep1NeedsAnalysisWithoutSummary.Value;
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        await Expect(rep1.CardIn("needs-analysis", card)).ToBeVisibleAsync();
        await Expect(manager.CardIn("needs-analysis", card)).ToBeVisibleAsync();
        const string summary = "1500 nine-leg pallets, 1.2 t dynamic load, delivered in two batches before the sale.";

        await rep1.MoveByMenuAsync(card, "proposal");

        await Expect(rep1.Completion.Root).ToBeVisibleAsync();
        await Expect(rep1.Completion.NeedsSummary).ToBeVisibleAsync();
        await Expect(rep1.Completion.Amount).ToHaveCountAsync(0);
        await Expect(manager.CardIn("needs-analysis", card)).ToBeVisibleAsync();
        await rep1.Completion.NeedsSummary.FillAsync(summary);
        await rep1.Completion.Submit.ClickAsync();

        await Expect(rep1.Completion.Root).ToHaveCountAsync(0);
        await Expect(manager.CardIn("proposal", card)).ToBeVisibleAsync();
        await Expect(rep1.CardIn("proposal", card)).ToBeVisibleAsync();
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.Proposal);
        stored.NeedsSummary.ShouldBe(summary);
        await Expect(rep1.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
        await Expect(manager.Card(card)).ToHaveAttributeAsync("data-version", Text(stored.Version));
    }

    [Fact]
    public async Task WhenRepCancelsTheAmountNegotiationAsksFor_CardReturnsToProposalAndTheMoveIsSaidCancelled()
    {
        var card = DemoIds.Rep1ProposalWithoutAmount.Value;
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        await Expect(rep1.CardIn("proposal", card)).ToBeVisibleAsync();
        var before = await StoredAsync(card);

        await rep1.MoveByMenuAsync(card, "negotiation");

        await Expect(rep1.Completion.Root).ToBeVisibleAsync();
        await Expect(rep1.Completion.Amount).ToBeVisibleAsync();
        await Expect(rep1.CardIn("negotiation", card)).ToBeVisibleAsync();
        await rep1.Completion.Cancel.ClickAsync();

        await Expect(rep1.Completion.Root).ToHaveCountAsync(0);
        await Expect(rep1.CardIn("proposal", card)).ToBeVisibleAsync();
        await Expect(rep1.Snackbar).ToContainTextAsync("Move cancelled: Negotiation needs the details you did not give.");
        await Expect(manager.CardIn("proposal", card)).ToBeVisibleAsync();
        var stored = await StoredAsync(card);
        stored.Stage.ShouldBe(OpportunityStage.Proposal);
        stored.Version.ShouldBe(before.Version);
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
