using System.Collections.Immutable;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>What the board shows, derived from the state: columns, filters, funnel, forecast, the per-column cap.</summary>
public sealed class PipelineViewTests
{
    private static readonly DateTimeOffset Now = Samples.Now;

    /// <summary>Lead 20 %, first contact 30, needs analysis 40, proposal 60, negotiation 80 (not the defaults).</summary>
    private static readonly PipelineSettings Custom = PipelineSettings.Default with
    {
        StageBlueprint = StageBlueprint.Create(
            new Dictionary<OpportunityStage, decimal>
            {
                [OpportunityStage.Lead] = 20m,
                [OpportunityStage.FirstContact] = 30m,
                [OpportunityStage.NeedsAnalysis] = 40m,
                [OpportunityStage.Proposal] = 60m,
                [OpportunityStage.Negotiation] = 80m,
                [OpportunityStage.Won] = 100m,
                [OpportunityStage.Lost] = 0m,
            },
            new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>>()),
    };

    [Fact]
    public void WhenColumnsAreFigured_EachStageHasItsCountSumAndWeightedSumByTheBlueprint()
    {
        OpportunityCard[] cards =
        [
            Samples.Card(OpportunityStage.Lead, 10_000m), Samples.Card(OpportunityStage.Lead, 30_000m),
            Samples.Card(OpportunityStage.Proposal, 100_000m), Samples.Card(OpportunityStage.Won, 50_000m),
        ];

        var columns = PipelineView.Columns(cards, Custom);

        columns.Select(c => c.Stage).ShouldBe(OpportunityStages.All);
        columns.Single(c => c.Stage == OpportunityStage.Lead).ShouldBe(new StageFigures(OpportunityStage.Lead, 2, 40_000m, 8_000m, 0));
        columns.Single(c => c.Stage == OpportunityStage.Proposal).ShouldBe(new StageFigures(OpportunityStage.Proposal, 1, 100_000m, 60_000m, 0));
        columns.Single(c => c.Stage == OpportunityStage.Won).ShouldBe(new StageFigures(OpportunityStage.Won, 1, 50_000m, 50_000m, 0));
        columns.Single(c => c.Stage == OpportunityStage.Negotiation).ShouldBe(new StageFigures(OpportunityStage.Negotiation, 0, 0m, 0m, 0));
    }

    [Fact]
    public void WhenColumnsAreFiguredWithTheDefaultBlueprint_LeadsWeighFivePercent()
    {
        var lead = PipelineView.Columns([Samples.Card(OpportunityStage.Lead, 40_000m)], PipelineSettings.Default)[0];

        lead.Weighted.ShouldBe(2_000m);
    }

    [Fact]
    public void WhenAColumnHasMoreCardsThanItRenders_ItCountsThemAllAndTheHiddenOnes()
    {
        var cards = Enumerable.Range(0, PipelineView.MaxCardsPerColumn + 3).Select(_ => Samples.Card(OpportunityStage.Lead, 1_000m)).ToList();

        var lead = PipelineView.Columns(cards, PipelineSettings.Default)[0];

        lead.Count.ShouldBe(53);
        lead.Amount.ShouldBe(53_000m);
        lead.HiddenCount.ShouldBe(3);
    }

    [Fact]
    public void WhenCardsAreRendered_EachColumnShowsAtMostItsCapInBoardOrder()
    {
        var leads = Enumerable.Range(1, 53).Select(i => Samples.Card(OpportunityStage.Lead, i * 1_000m)).ToList();
        var proposal = Samples.Card(OpportunityStage.Proposal);
        var visible = PipelineView.Visible(Samples.PipelineWith([.. leads, proposal]), null, Now);

        var rendered = PipelineView.Rendered(visible, ImmutableHashSet<OpportunityStage>.Empty);

        rendered.Count(c => c.Stage == OpportunityStage.Lead).ShouldBe(50);
        rendered.Where(c => c.Stage == OpportunityStage.Lead).Select(c => c.Amount).ShouldBe(leads.Select(c => c.Amount).OrderDescending().Take(50));
        rendered.ShouldContain(proposal);
    }

    [Fact]
    public void WhenAColumnIsFolded_NoneOfItsCardsAreRendered()
    {
        var lead = Samples.Card(OpportunityStage.Lead);
        var won = Samples.Card(OpportunityStage.Won);

        PipelineView.Rendered([lead, won], ImmutableHashSet.Create(OpportunityStage.Won)).ShouldBe([lead]);
    }

    [Fact]
    public void WhenNothingIsFiltered_EveryCardIsVisibleHottestAndLargestFirst()
    {
        var smallA = Samples.Card(priority: Priority.A, amount: 1_000m);
        var largeA = Samples.Card(priority: Priority.A, amount: 9_000m);
        var largeC = Samples.Card(priority: Priority.C, amount: 50_000m);
        var midB = Samples.Card(priority: Priority.B, amount: 5_000m);

        var visible = PipelineView.Visible(Samples.PipelineWith(largeC, smallA, midB, largeA), null, Now);

        visible.ShouldBe([largeA, smallA, midB, largeC]);
    }

    [Fact]
    public void WhenFilteredByOwner_OnlyThatOwnersCardsAreVisible()
    {
        var mine = Samples.Card(ownerId: Guid.NewGuid());
        var theirs = Samples.Card(ownerId: Guid.NewGuid());
        var state = Samples.PipelineWith(mine, theirs) with { Filter = new PipelineFilter(OwnerId: mine.OwnerId) };

        PipelineView.Visible(state, null, Now).ShouldBe([mine]);
    }

    [Fact]
    public void WhenTheShellHasAShopSelected_OnlyThatShopsCardsAreVisible()
    {
        var tmall = Samples.Card(shopId: Guid.NewGuid());
        var jd = Samples.Card(shopId: Guid.NewGuid());

        PipelineView.Visible(Samples.PipelineWith(tmall, jd), jd.ShopId, Now).ShouldBe([jd]);
    }

    [Fact]
    public void WhenTheFilterNamesAShop_ItWinsOverTheShellsShop()
    {
        var tmall = Samples.Card(shopId: Guid.NewGuid());
        var jd = Samples.Card(shopId: Guid.NewGuid());
        var state = Samples.PipelineWith(tmall, jd) with { Filter = new PipelineFilter(ShopId: tmall.ShopId) };

        PipelineView.Visible(state, jd.ShopId, Now).ShouldBe([tmall]);
    }

    [Fact]
    public void WhenFilteredByPriority_OnlyThatPriorityIsVisible()
    {
        var hot = Samples.Card(priority: Priority.A);
        var cold = Samples.Card(priority: Priority.C);
        var state = Samples.PipelineWith(hot, cold) with { Filter = new PipelineFilter(Priority: Priority.C) };

        PipelineView.Visible(state, null, Now).ShouldBe([cold]);
    }

    [Fact]
    public void WhenOnlyStaleCardsAreShown_OpenCardsWithoutARecentFollowUpRemain()
    {
        var fresh = Samples.Card(lastFollowedUpAt: Now.AddDays(-6));
        var stale = Samples.Card(lastFollowedUpAt: Now.AddDays(-8), createdAt: Now.AddDays(-20));
        var neverFollowedUp = Samples.Card(createdAt: Now.AddDays(-10)) with { LastFollowedUpAt = null };
        var staleButWon = Samples.Card(OpportunityStage.Won, lastFollowedUpAt: Now.AddDays(-30), createdAt: Now.AddDays(-40));
        var state = Samples.PipelineWith(fresh, stale, neverFollowedUp, staleButWon) with { Filter = new PipelineFilter(StaleOnly: true) };

        PipelineView.Visible(state, null, Now).ShouldBe([stale, neverFollowedUp], ignoreOrder: true);
    }

    [Fact]
    public void WhenTheTenantsStalePeriodIsLonger_FewerCardsAreStale()
    {
        var eightDays = Samples.Card(lastFollowedUpAt: Now.AddDays(-8), createdAt: Now.AddDays(-20));
        var state = Samples.PipelineWith(eightDays) with
        {
            Filter = new PipelineFilter(StaleOnly: true),
            Settings = PipelineSettings.Default with { StaleRule = StaleRule.Create(10) },
        };

        PipelineView.Visible(state, null, Now).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("PALLET", "800 Pallets for the new warehouse")]
    [InlineData("  pallet ", "800 Pallets for the new warehouse")]
    [InlineData("huayu", "Crates")]
    public void WhenFilteredByText_TitleAndCustomerAreSearchedIgnoringCaseAndSpaces(string text, string expectedTitle)
    {
        var titleMatch = Samples.Card(title: "800 Pallets for the new warehouse", customerName: "Ningbo Cold Chain");
        var customerMatch = Samples.Card(title: "Crates", customerName: "Huayu Logistics");
        var neither = Samples.Card(title: "Boxes", customerName: "Ningbo Cold Chain");
        var state = Samples.PipelineWith(titleMatch, customerMatch, neither) with { Filter = new PipelineFilter(Text: text) };

        PipelineView.Visible(state, null, Now).ShouldHaveSingleItem().Title.ShouldBe(expectedTitle);
    }

    [Fact]
    public void WhenACardWasFollowedUpEightDaysAgo_ItIsStaleAndEightDaysSince()
    {
        var card = Samples.Card(lastFollowedUpAt: Now.AddDays(-8).AddHours(-3), createdAt: Now.AddDays(-20));

        PipelineView.IsStale(card, StaleRule.Default, Now).ShouldBeTrue();
        PipelineView.DaysSinceFollowUp(card, Now).ShouldBe(8);
    }

    [Fact]
    public void WhenAFollowUpIsOlderThanTheCard_TheCardsCreationCounts()
    {
        var card = Samples.Card(lastFollowedUpAt: Now.AddDays(-30), createdAt: Now.AddDays(-2));

        PipelineView.IsStale(card, StaleRule.Default, Now).ShouldBeFalse();
        PipelineView.DaysSinceFollowUp(card, Now).ShouldBe(2);
    }

    [Fact]
    public void WhenTheFunnelIsFigured_EachStageConvertsTheShareThatWentFurther()
    {
        OpportunityCard[] cards =
        [
            Samples.Card(OpportunityStage.Lead, 1_000m), Samples.Card(OpportunityStage.Lead, 2_000m),
            Samples.Card(OpportunityStage.FirstContact, 3_000m), Samples.Card(OpportunityStage.NeedsAnalysis, 4_000m),
            Samples.Card(OpportunityStage.Won, 5_000m),
            Samples.Card(OpportunityStage.Lost), Samples.Card(OpportunityStage.Lost), Samples.Card(OpportunityStage.Lost),
        ];

        var funnel = PipelineView.Funnel(cards);

        funnel.Select(f => f.Stage).ShouldBe(OpportunityStages.All.Where(s => s != OpportunityStage.Lost));
        funnel.Select(f => f.Count).ShouldBe([2, 1, 1, 0, 0, 1]);
        funnel.Select(f => f.Amount).ShouldBe([3_000m, 3_000m, 4_000m, 0m, 0m, 5_000m]);
        funnel[0].ConversionToNext.ShouldBe(3 / 5d);
        funnel[1].ConversionToNext.ShouldBe(2 / 3d);
        funnel[2].ConversionToNext.ShouldBe(1 / 2d);
        funnel[3].ConversionToNext.ShouldBe(1d);
        funnel[4].ConversionToNext.ShouldBe(1d);
        funnel[5].ConversionToNext.ShouldBeNull();
    }

    [Fact]
    public void WhenNoCardReachedAStage_ItsConversionIsUnknown()
    {
        var funnel = PipelineView.Funnel([Samples.Card(OpportunityStage.Lead)]);

        funnel[0].ConversionToNext.ShouldBe(0d);
        funnel[1].ConversionToNext.ShouldBeNull();
    }

    [Fact]
    public void WhenTheForecastIsFigured_OpenDealsClosingInTheWindowCountWeightedAndOverdueOnesToo()
    {
        var today = Samples.Today;
        OpportunityCard[] cards =
        [
            Samples.Card(OpportunityStage.Proposal, 100_000m, expectedClose: today.AddDays(10)),
            Samples.Card(OpportunityStage.Negotiation, 200_000m, expectedClose: today.AddDays(60)),
            Samples.Card(OpportunityStage.Lead, 10_000m, expectedClose: today.AddDays(-5)),
            Samples.Card(OpportunityStage.NeedsAnalysis, 40_000m, expectedClose: today.AddDays(30)),
            Samples.Card(OpportunityStage.FirstContact, 40_000m, expectedClose: today.AddDays(91)),
            Samples.Card(OpportunityStage.Won, 80_000m, expectedClose: today.AddDays(5)),
            Samples.Card(OpportunityStage.Lost, 70_000m, expectedClose: today.AddDays(5)),
        ];

        var forecast = PipelineView.ForecastOf(cards, PipelineSettings.Default, today);

        // Proposal 50 % of 100,000 + Lead 5 % of 10,000 + Needs analysis 25 % of 40,000 (on the 30th day).
        forecast.Next30Days.ShouldBe(50_000m + 500m + 10_000m);
        forecast.Next90Days.ShouldBe(50_000m + 500m + 10_000m + 150_000m);
    }

    [Fact]
    public void WhenTheTenantWeighsStagesDifferently_TheForecastFollowsItsBlueprint()
    {
        var forecast = PipelineView.ForecastOf([Samples.Card(OpportunityStage.Proposal, 100_000m, expectedClose: Samples.Today)], Custom, Samples.Today);

        forecast.ShouldBe(new Forecast(60_000m, 60_000m));
    }
}
