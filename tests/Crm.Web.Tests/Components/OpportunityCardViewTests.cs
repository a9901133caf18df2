using Bunit;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class OpportunityCardViewTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = Samples.Now;

    [Fact]
    public void WhenACardIsStale_ItWarnsWithTheDaysSinceItsLastFollowUp()
    {
        var card = Samples.Card(OpportunityStage.FirstContact, lastFollowedUpAt: Now.AddDays(-12), createdAt: Now.AddDays(-25));

        var host = RenderCard(card);

        var stale = host.Find($"[data-testid=card-stale-{card.Id}]");
        stale.GetAttribute("data-stale").ShouldBe("true");
        stale.TextContent.Trim().ShouldBe("12 d");
        stale.GetAttribute("title").ShouldBe("12 d since follow-up");
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldContain("crm-card-stale");
    }

    [Fact]
    public void WhenACardWasFollowedUpRecently_ItIsNotMarkedStale()
    {
        var card = Samples.Card(OpportunityStage.Lead, lastFollowedUpAt: Now.AddDays(-2), createdAt: Now.AddDays(-5));

        var host = RenderCard(card);

        host.Find($"[data-testid=card-stale-{card.Id}]").GetAttribute("data-stale").ShouldBe("false");
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldNotContain("crm-card-stale");
    }

    [Fact]
    public void WhenACardIsClosed_ItShowsNoFollowUpWarning()
    {
        var card = Samples.Card(OpportunityStage.Won, lastFollowedUpAt: Now.AddDays(-40), createdAt: Now.AddDays(-60));

        var host = RenderCard(card);

        host.FindAll($"[data-testid=card-stale-{card.Id}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenACardIsShown_ItHasItsCustomerTitleAmountAndVersion()
    {
        var card = Samples.Card(OpportunityStage.Proposal, 268_000m, version: 7, title: "2000 double-faced pallets", customerName: "JD Logistics");

        var host = RenderCard(card);

        host.Find($"[data-testid=card-customer-{card.Id}]").TextContent.ShouldBe("JD Logistics");
        host.Find($"[data-testid=card-title-{card.Id}]").TextContent.Trim().ShouldBe("2000 double-faced pallets");
        host.Find($"[data-testid=card-amount-{card.Id}]").TextContent.ShouldBe("¥268,000");
        host.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-version").ShouldBe("7");
    }

    [Fact]
    public async Task WhenTheMoveMenuOpens_ItListsEveryOtherStage()
    {
        var card = Samples.Card(OpportunityStage.NeedsAnalysis);
        var host = RenderCard(card);

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");

        host.WaitForAssertion(() => host.FindAll($"[data-testid^=card-move-{card.Id}-]").Count.ShouldBe(6));
        host.FindAll($"[data-testid^=card-move-{card.Id}-]").Select(i => i.GetAttribute("data-testid")![$"card-move-{card.Id}-".Length..])
            .ShouldBe(["lead", "first-contact", "proposal", "negotiation", "won", "lost"]);
        host.Find($"[data-testid=card-move-{card.Id}-first-contact]").TextContent.Trim().ShouldBe("Move to First contact");
    }

    [Fact]
    public void WhenACardIsShown_ItsClosedMenuIsAPlainButtonAndEveryIconItDrawsIsInThePagesSprite()
    {
        var card = Samples.Card(OpportunityStage.FirstContact, lastFollowedUpAt: Now.AddDays(-12), createdAt: Now.AddDays(-25));

        var host = RenderCard(card);

        // No MudMenu (with its popover and overlay) per card until the user opens one.
        host.FindComponents<MudBlazor.MudMenu>().ShouldBeEmpty();
        host.Find($"[data-testid=card-menu-{card.Id}] button").GetAttribute("aria-label").ShouldBe("Move to…");
        var icons = host.FindAll("use").Select(u => u.GetAttribute("href")).ToList();
        icons.ShouldBe(["#crm-i-more", "#crm-i-event", "#crm-i-hourglass", "#crm-i-warning"], ignoreOrder: true);
        var symbols = icons.Select(href => $"id=\"{href!.TrimStart('#')}\"").ToList();
        symbols.ShouldAllBe(symbol => IconSprite.Markup.Value.Contains(symbol, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheMenuIsOpenedAndClosed_TheCardHoldsAMenuOnlyWhileItIsOpen()
    {
        var card = Samples.Card(OpportunityStage.NeedsAnalysis);
        var host = RenderCard(card);

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.FindComponents<MudBlazor.MudMenu>().ShouldHaveSingleItem());
        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");

        host.WaitForAssertion(() => host.FindComponents<MudBlazor.MudMenu>().ShouldBeEmpty());
        host.FindAll($"[data-testid^=card-move-{card.Id}-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenAStageIsPickedFromTheMenu_TheCardAsksToMoveThere()
    {
        var card = Samples.Card(OpportunityStage.NeedsAnalysis);
        var picked = new List<OpportunityStage>();
        var host = RenderCard(card, onMoveTo: picked.Add);
        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-move-{card.Id}-negotiation]"));

        await ClickAsync(host, $"[data-testid=card-move-{card.Id}-negotiation]");

        picked.ShouldBe([OpportunityStage.Negotiation]);
    }

    [Fact]
    public void WhenSomeoneElseIsEditingTheCard_ItSaysWho()
    {
        var card = Samples.Card();

        var host = RenderCard(card, editingBy: "Zhang Min");

        host.Find($"[data-testid=card-editing-{card.Id}]").TextContent.ShouldBe("Zhang Min is editing this");
    }

    private IRenderedComponent<WithPopovers> RenderCard(OpportunityCard card, Action<OpportunityStage>? onMoveTo = null, string? editingBy = null) =>
        RenderWithPopovers<OpportunityCardView>(p => p
            .Add(c => c.Card, card)
            .Add(c => c.Now, Now)
            .Add(c => c.IsStale, PipelineView.IsStale(card, StaleRule.Default, Now))
            .Add(c => c.DaysSinceFollowUp, PipelineView.DaysSinceFollowUp(card, Now))
            .Add(c => c.EditingBy, editingBy)
            .Add(c => c.OnMoveTo, onMoveTo ?? (_ => { })));
}
