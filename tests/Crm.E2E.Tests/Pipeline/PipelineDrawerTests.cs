using Crm.E2E.Tests.Infrastructure;
using Crm.Infrastructure.Seeding;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>A rep works a card in its drawer: the manager sees who is editing it and the saved title live; the follow-up is stored.</summary>
public sealed class PipelineDrawerTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenRepWorksACardInTheDrawer_ManagerSeesTheEditingMarkerAndTheNewTitleLiveAndTheFollowUpIsStored()
    {
        var card = await LeadOwnedByAsync(DemoIds.Rep1);
        const string note = "Called about pricing";
        const string renamed = "E2E renamed: 800 pallets for the Hangzhou depot";
        var manager = await OpenBoardAsync(DemoUser.Manager);
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        await Expect(manager.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();
        await Expect(manager.Card(card)).ToBeVisibleAsync();
        await Expect(manager.EditingMarker(card)).ToHaveCountAsync(0);
        await manager.MarkDocumentAsync();

        var drawer = await rep1.OpenDrawerAsync(card);

        await Expect(manager.EditingMarker(card)).ToHaveTextAsync($"{DemoUser.Rep1.DisplayName} is editing this");
        await Expect(rep1.EditingMarker(card)).ToHaveCountAsync(0);

        await drawer.AddFollowUpAsync(note);

        await Expect(drawer.Timeline).ToContainTextAsync(note);
        (await StoredAsync(card)).FollowUps.Select(f => f.Note).ShouldContain(note);

        await drawer.RenameAsync(renamed);

        await Expect(manager.CardTitle(card)).ToHaveTextAsync(renamed);
        await Expect(drawer.Title).ToHaveTextAsync(renamed);
        (await StoredAsync(card)).Title.ShouldBe(renamed);
        await Expect(drawer.Error).ToHaveCountAsync(0);

        await drawer.CloseButton.ClickAsync();

        await Expect(manager.EditingMarker(card)).ToHaveCountAsync(0);
        await Expect(manager.Card(card)).ToBeVisibleAsync();
        (await manager.IsSameDocumentAsync()).ShouldBeTrue("the manager's board changed without a reload");
    }
}
