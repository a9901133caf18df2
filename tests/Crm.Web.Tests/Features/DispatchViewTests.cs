using Crm.Domain.Service;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>What the dispatch board and the service dashboard compute from the cards.</summary>
public sealed class DispatchViewTests
{
    private static readonly DateTimeOffset Now = Samples.Now;

    [Fact]
    public void WhenFilteredByOverdue_OnlyOpenOrdersPastTheirDueTimeRemain()
    {
        var overdue = Samples.WorkOrder(dueAt: Now.AddMinutes(-1));
        var onTime = Samples.WorkOrder(dueAt: Now.AddHours(1));
        var doneLate = Samples.WorkOrder(WorkOrderStatus.Completed, technician: Samples.Technician1, dueAt: Now.AddHours(-3), checkedOutAt: Now.AddHours(-1));
        var state = Samples.DispatchWith(overdue, onTime, doneLate) with { Filter = new DispatchFilter(OverdueOnly: true) };

        DispatchView.Visible(state, Now).ShouldBe([overdue]);
    }

    [Fact]
    public void WhenLanesAreCounted_EachTechnicianHasTheirOpenOrdersAgainstTheirCapacity()
    {
        var state = Samples.DispatchWith(
            Samples.WorkOrder(WorkOrderStatus.Assigned, technician: Samples.Technician2),
            Samples.WorkOrder(WorkOrderStatus.InProgress, technician: Samples.Technician2),
            Samples.WorkOrder(WorkOrderStatus.Assigned, technician: Samples.Technician2),
            Samples.WorkOrder(WorkOrderStatus.Completed, technician: Samples.Technician1),
            Samples.WorkOrder(WorkOrderStatus.Assigned, technician: Samples.Technician1));

        var lanes = DispatchView.Lanes(state);

        lanes.Select(l => (l.Technician.UserName, l.Open, l.AtCapacity)).ShouldBe([("tech1@demo.local", 1, false), ("tech2@demo.local", 3, true)]);
    }

    [Fact]
    public void WhenTheServiceFiguresAreComputed_TheyCountThePeriodAndTheOpenAndOverdueOrdersNow()
    {
        var tech1 = Samples.Technician1;
        var state = Samples.DispatchWith(
            Samples.WorkOrder(WorkOrderStatus.Closed, technician: tech1, assignedAt: Now.AddDays(-2), checkedInAt: Now.AddDays(-2), checkedOutAt: Now.AddDays(-2).AddHours(2), satisfaction: 5, closedAt: Now.AddDays(-1)),
            Samples.WorkOrder(WorkOrderStatus.Completed, technician: tech1, assignedAt: Now.AddDays(-1), checkedInAt: Now.AddHours(-5), checkedOutAt: Now.AddHours(-1)),
            Samples.WorkOrder(WorkOrderStatus.Assigned, technician: tech1, assignedAt: Now.AddHours(-2), dueAt: Now.AddHours(-1)),
            Samples.WorkOrder(WorkOrderStatus.Closed, technician: tech1, assignedAt: Now.AddDays(-20), checkedInAt: Now.AddDays(-20), checkedOutAt: Now.AddDays(-20).AddHours(1), satisfaction: 2, closedAt: Now.AddDays(-19)),
            Samples.WorkOrder());

        var week = DispatchView.Service(state, ServicePeriod.Week, Now);
        var month = DispatchView.Service(state, ServicePeriod.Month, Now);

        week.Open.ShouldBe(2);
        week.Overdue.ShouldBe(1);
        var tech1Week = week.ByTechnician.Single(t => t.Technician.Id == tech1.Id);
        (tech1Week.Assigned, tech1Week.Completed, tech1Week.CompletionRate).ShouldBe((3, 2, 2m / 3m));
        week.AverageTimeOnSite.ShouldBe(TimeSpan.FromHours(3));
        week.Satisfaction.ShouldBe(new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0, [4] = 0, [5] = 1 });
        month.Satisfaction[2].ShouldBe(1);
        month.ByTechnician.Single(t => t.Technician.Id == tech1.Id).Assigned.ShouldBe(4);
    }
}
