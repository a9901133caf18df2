using Crm.Domain.AfterSales;
using Crm.Domain.Analytics;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Analytics;

public class AfterSalesAnalyticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhenRequestsFallInThePeriod_TheyAreGroupedByTypeAndReasonWithTheirAmountShare()
    {
        AfterSalesFact[] facts =
        [
            new(AfterSalesType.ReturnAndRefund, AfterSalesReason.Damaged, 300m, Now.AddDays(-1)),
            new(AfterSalesType.ReturnAndRefund, AfterSalesReason.Damaged, 300m, Now.AddDays(-2)),
            new(AfterSalesType.RefundOnly, AfterSalesReason.Quality, 400m, Now.AddDays(-3)),
            new(AfterSalesType.Reissue, AfterSalesReason.Other, 0m, Now.AddDays(-4)),
            new(AfterSalesType.RefundOnly, AfterSalesReason.Quality, 9_999m, Now.AddDays(-40)),
        ];

        var breakdown = AfterSalesAnalytics.ByTypeAndReason(facts, Now.AddDays(-7), Now);

        breakdown.ShouldBe(
        [
            new AfterSalesShare(AfterSalesType.ReturnAndRefund, AfterSalesReason.Damaged, 2, 600m, 0.6m),
            new AfterSalesShare(AfterSalesType.RefundOnly, AfterSalesReason.Quality, 1, 400m, 0.4m),
            new AfterSalesShare(AfterSalesType.Reissue, AfterSalesReason.Other, 1, 0m, 0m),
        ]);
        AfterSalesAnalytics.ByType(breakdown).ShouldBe(
            [(AfterSalesType.ReturnAndRefund, 600m, 0.6m), (AfterSalesType.RefundOnly, 400m, 0.4m), (AfterSalesType.Reissue, 0m, 0m)]);
    }

    [Fact]
    public void WhenNothingHasAnAmount_EveryShareIsZero() =>
        AfterSalesAnalytics.ByTypeAndReason([new(AfterSalesType.Exchange, AfterSalesReason.WrongItem, 0m, Now)], Now.AddDays(-1), Now.AddTicks(1))
            .ShouldHaveSingleItem().Share.ShouldBe(0m);

    [Fact]
    public void WhenThePeriodEndsBeforeItStarts_RefusesWithPeriodInvalid() =>
        RuleAssert.Violates(() => AfterSalesAnalytics.ByTypeAndReason([], Now, Now.AddDays(-1)), "analytics.period-invalid");
}
