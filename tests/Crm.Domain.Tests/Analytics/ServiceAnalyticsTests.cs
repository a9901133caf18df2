using Crm.Domain.Analytics;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;
using Crm.Domain.Tests.Service;

namespace Crm.Domain.Tests.Analytics;

internal static class Facts
{
    public static readonly DateTimeOffset PeriodStart = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset PeriodEnd = PeriodStart.AddDays(30);

    public static WorkOrderFact Assigned(UserId technician, DateTimeOffset at, DateTimeOffset? completedAt = null) =>
        new(WorkOrderId.New(), technician, at, completedAt, completedAt is null ? null : TimeSpan.FromHours(1), null);

    public static WorkOrderFact OnSite(TimeSpan? timeOnSite) =>
        new(WorkOrderId.New(), Dispatch.Technician, PeriodStart, timeOnSite is null ? null : PeriodStart.AddDays(1), timeOnSite, null);

    public static WorkOrderFact Rated(int? satisfaction) =>
        new(WorkOrderId.New(), Dispatch.Technician, PeriodStart, PeriodStart.AddDays(1), TimeSpan.FromHours(1), satisfaction);
}

public class ServiceAnalyticsCompletionRateTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(4, 0, 0)]
    [InlineData(4, 1, 0.25)]
    [InlineData(3, 3, 1)]
    [InlineData(2, 5, 1)]
    public void WhenCounted_IsCompletedOverAssignedBetweenZeroAndOne(int assigned, int completed, double expected) =>
        ServiceAnalytics.CompletionRate(assigned, completed).ShouldBe((decimal)expected);

    [Fact]
    public void WhenNoneAssignedButSomeCompleted_IsZero() =>
        ServiceAnalytics.CompletionRate(0, 3).ShouldBe(0m);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(1, -1)]
    public void WhenCountIsNegative_IsRefused(int assigned, int completed) =>
        RuleAssert.Violates(() => ServiceAnalytics.CompletionRate(assigned, completed), "analytics.count-negative");
}

public class ServiceAnalyticsCompletionRateByTechnicianTests
{
    [Fact]
    public void WhenTechniciansHaveWork_EachGetsTheirOwnRate()
    {
        var facts = new[]
        {
            Facts.Assigned(Dispatch.Technician, Facts.PeriodStart.AddDays(1), Facts.PeriodStart.AddDays(2)),
            Facts.Assigned(Dispatch.Technician, Facts.PeriodStart.AddDays(3)),
            Facts.Assigned(Dispatch.OtherTechnician, Facts.PeriodStart.AddDays(4), Facts.PeriodStart.AddDays(4).AddHours(5)),
        };

        var rates = ServiceAnalytics.CompletionRateByTechnician(facts, Facts.PeriodStart, Facts.PeriodEnd);

        rates.Count.ShouldBe(2);
        rates[Dispatch.Technician].ShouldBe(0.5m);
        rates[Dispatch.OtherTechnician].ShouldBe(1m);
    }

    [Fact]
    public void WhenAssignedOutsidePeriod_IsNotCounted()
    {
        var facts = new[]
        {
            Facts.Assigned(Dispatch.Technician, Facts.PeriodStart.AddDays(-1), Facts.PeriodStart.AddDays(1)),
            Facts.Assigned(Dispatch.Technician, Facts.PeriodEnd, Facts.PeriodEnd.AddHours(1)),
            Facts.Assigned(Dispatch.Technician, Facts.PeriodStart),
        };

        var rates = ServiceAnalytics.CompletionRateByTechnician(facts, Facts.PeriodStart, Facts.PeriodEnd);

        rates[Dispatch.Technician].ShouldBe(0m);
    }

    [Fact]
    public void WhenCompletedAfterPeriodEnd_CountsAsNotCompleted()
    {
        var facts = new[] { Facts.Assigned(Dispatch.Technician, Facts.PeriodEnd.AddDays(-1), Facts.PeriodEnd.AddHours(2)) };

        ServiceAnalytics.CompletionRateByTechnician(facts, Facts.PeriodStart, Facts.PeriodEnd)[Dispatch.Technician].ShouldBe(0m);
    }

    [Fact]
    public void WhenNeverAssigned_IsLeftOut()
    {
        var facts = new[] { new WorkOrderFact(WorkOrderId.New(), null, null, null, null, null) };

        ServiceAnalytics.CompletionRateByTechnician(facts, Facts.PeriodStart, Facts.PeriodEnd).ShouldBeEmpty();
    }

    [Fact]
    public void WhenNoFacts_IsEmpty() =>
        ServiceAnalytics.CompletionRateByTechnician([], Facts.PeriodStart, Facts.PeriodEnd).ShouldBeEmpty();

    [Fact]
    public void WhenPeriodEndsBeforeItStarts_IsRefused() =>
        RuleAssert.Violates(
            () => ServiceAnalytics.CompletionRateByTechnician([], Facts.PeriodEnd, Facts.PeriodStart), "analytics.period-invalid");

    [Fact]
    public void WhenFactsComeFromWorkOrders_CompletedOnesCount()
    {
        var completed = new WorkOrderBuilder().InStatus(WorkOrderStatus.Completed).Build();
        var assigned = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();
        var facts = new[] { WorkOrderFact.From(completed), WorkOrderFact.From(assigned) };

        var rates = ServiceAnalytics.CompletionRateByTechnician(facts, Dispatch.Start, Dispatch.Start.AddDays(1));

        rates[Dispatch.Technician].ShouldBe(0.5m);
    }
}

public class ServiceAnalyticsAverageTimeOnSiteTests
{
    [Fact]
    public void WhenSomeCompleted_AveragesOnlyThose()
    {
        var facts = new[] { Facts.OnSite(TimeSpan.FromHours(1)), Facts.OnSite(TimeSpan.FromHours(2)), Facts.OnSite(null) };

        ServiceAnalytics.AverageTimeOnSite(facts).ShouldBe(TimeSpan.FromMinutes(90));
    }

    [Fact]
    public void WhenNoneCompleted_IsUnknown() =>
        ServiceAnalytics.AverageTimeOnSite([Facts.OnSite(null)]).ShouldBeNull();

    [Fact]
    public void WhenFactComesFromClosedWorkOrder_UsesItsTimeOnSite()
    {
        var closed = new WorkOrderBuilder().InStatus(WorkOrderStatus.Closed).Build();

        ServiceAnalytics.AverageTimeOnSite([WorkOrderFact.From(closed)]).ShouldBe(Dispatch.CheckedOutAt - Dispatch.CheckedInAt);
    }
}

public class ServiceAnalyticsSatisfactionDistributionTests
{
    [Fact]
    public void WhenRated_CountsPerScoreWithEveryScorePresent()
    {
        var facts = new[] { Facts.Rated(5), Facts.Rated(5), Facts.Rated(3), Facts.Rated(1), Facts.Rated(null) };

        var distribution = ServiceAnalytics.SatisfactionDistribution(facts);

        distribution.Keys.ShouldBe([1, 2, 3, 4, 5]);
        distribution[1].ShouldBe(1);
        distribution[2].ShouldBe(0);
        distribution[3].ShouldBe(1);
        distribution[4].ShouldBe(0);
        distribution[5].ShouldBe(2);
    }

    [Fact]
    public void WhenNothingRated_AllCountsAreZero() =>
        ServiceAnalytics.SatisfactionDistribution([]).Values.ShouldAllBe(count => count == 0);

    [Fact]
    public void WhenFactComesFromClosedWorkOrder_CountsItsScore()
    {
        var closed = new WorkOrderBuilder().InStatus(WorkOrderStatus.Closed).Build();

        ServiceAnalytics.SatisfactionDistribution([WorkOrderFact.From(closed)])[5].ShouldBe(1);
    }
}
