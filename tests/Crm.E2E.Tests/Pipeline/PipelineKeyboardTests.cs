using Crm.E2E.Tests.Infrastructure;
using Crm.Infrastructure.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>Moving a card without a mouse: the card's "⋮" menu by Tab, Enter and the arrow keys.</summary>
public sealed class PipelineKeyboardTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenAKeyboardUserOpensACardsMenuWithEnter_TheArrowKeysReachItsMovesAndEnterMovesTheCard()
    {
        var card = DemoIds.Rep1FreshLead.Value;
        var (board, _) = await OpenBoardThroughLinkAsync(DemoUser.Rep1);
        await Expect(board.CardIn("lead", card)).ToBeVisibleAsync();

        // The closed menu is a plain button; the menu built on Enter takes the focus, so the keys go on into it.
        await board.Page.GetByTestId($"card-menu-{card}").Locator("button").FocusAsync();
        await board.Page.Keyboard.PressAsync("Enter");
        await Expect(board.Page.GetByTestId($"card-menu-{card}").Locator("button")).ToBeFocusedAsync();
        await Expect(board.MoveItem(card, "first-contact")).ToBeInViewportAsync();
        await board.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(board.Page.GetByRole(AriaRole.Menuitem, new() { Name = "Open", Exact = true })).ToBeFocusedAsync();
        await board.Page.Keyboard.PressAsync("ArrowDown");
        await Expect(board.MoveItem(card, "first-contact")).ToBeFocusedAsync();
        await board.Page.Keyboard.PressAsync("Enter");

        await Expect(board.CardIn("first-contact", card)).ToBeVisibleAsync();
        (await StoredAsync(card)).Stage.ShouldBe(Crm.Domain.Opportunities.OpportunityStage.FirstContact);
    }
}
