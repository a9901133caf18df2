using Bunit;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

public sealed class SupervisorPanelTests : ComponentTestBase
{
    private static readonly OpportunityCard[] Cards =
    [
        Samples.Card(OpportunityStage.Lead, 10_000m, expectedClose: Samples.Today.AddDays(-3)),
        Samples.Card(OpportunityStage.Lead, 20_000m, expectedClose: Samples.Today.AddDays(100)),
        Samples.Card(OpportunityStage.FirstContact, 30_000m, expectedClose: Samples.Today.AddDays(45)),
        Samples.Card(OpportunityStage.Proposal, 100_000m, expectedClose: Samples.Today.AddDays(20)),
        Samples.Card(OpportunityStage.Won, 50_000m, expectedClose: Samples.Today.AddDays(5)),
        Samples.Card(OpportunityStage.Lost, 70_000m, expectedClose: Samples.Today.AddDays(5)),
    ];

    [Fact]
    public void WhenTheFunnelIsShown_EachStageHasItsCountAmountAndConversion()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=funnel-lead-count]").TextContent.ShouldBe("2");
        cut.Find("[data-testid=funnel-first-contact-count]").TextContent.ShouldBe("1");
        cut.Find("[data-testid=funnel-needs-analysis-count]").TextContent.ShouldBe("0");
        cut.Find("[data-testid=funnel-proposal-count]").TextContent.ShouldBe("1");
        cut.Find("[data-testid=funnel-won-count]").TextContent.ShouldBe("1");
        cut.FindAll("[data-testid=funnel-lost-count]").ShouldBeEmpty();

        // Of the five that were not lost, three went past Lead: 60 %; the lead row reads its amount in yuan.
        var lead = cut.Find("[data-testid=funnel-lead]").TextContent;
        lead.ShouldContain("¥30,000");
        lead.ShouldContain("60");
        cut.Find("[data-testid=funnel-won]").TextContent.ShouldContain("–");
    }

    [Fact]
    public void WhenTheForecastIsShown_ItWeighsOpenDealsClosingWithin30And90Days()
    {
        var cut = RenderPanel();

        // 30 days: Lead 5 % of 10,000 (overdue) + Proposal 50 % of 100,000; 90 days adds First contact 10 % of 30,000.
        cut.Find("[data-testid=forecast-30]").TextContent.ShouldBe(PipelinePage.FormatMoney(50_500m));
        cut.Find("[data-testid=forecast-90]").TextContent.ShouldBe(PipelinePage.FormatMoney(53_500m));
        cut.Find("[data-testid=forecast-30]").TextContent.ShouldBe("¥50,500");
    }

    [Fact]
    public void WhenTheUserReadsChinese_ThePanelSpeaksChinese()
    {
        UseCulture("zh-CN");

        var cut = RenderPanel();

        cut.Find("[data-testid=funnel-lead]").TextContent.ShouldContain("线索");
        cut.Markup.ShouldContain("未来 30 天");
    }

    private IRenderedComponent<SupervisorPanel> RenderPanel() =>
        Render<SupervisorPanel>(p => p
            .Add(s => s.Funnel, PipelineView.Funnel(Cards))
            .Add(s => s.Forecast, PipelineView.ForecastOf(Cards, PipelineSettings.Default, Samples.Today)));
}
