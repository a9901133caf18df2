using Crm.Domain.Service;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.WorkOrders;

/// <summary>A work order goes through its whole life on real SQLite and reads back as it was: report, rating, history, version.</summary>
public sealed class WorkOrderMappingTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    [Fact]
    public async Task WhenAnOrderIsCompletedAndClosed_ItReadsBackWithReportRatingHistoryAndOverride()
    {
        var tenant = DemoIds.DemoTenant;
        var id = WorkOrderId.New();
        var now = database.Clock.GetUtcNow();
        await using (var db = database.CreateFor(tenant))
        {
            var workOrder = WorkOrder.Open(
                id, tenant, DemoIds.TmallShop, DemoIds.Customer(1), null, "苏州工业园区 1 号", WorkOrderType.Repair, WorkOrderPriority.High,
                "托盘断裂", now.AddHours(-5), SlaPolicy.Default, DemoIds.Dispatcher, now.AddHours(-5));
            workOrder.AssignTo(DemoIds.Tech2, technicianIsOnDuty: true, DemoIds.Dispatcher, now.AddHours(-4), capacityOverridden: true);
            workOrder.CheckIn(DemoIds.Tech2, now.AddHours(-3));
            workOrder.CheckOut(DemoIds.Tech2, ServiceReport.Create("换了 4 块托盘", "川字托盘 × 4"), now.AddHours(-1));
            db.WorkOrders.Add(workOrder);
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateFor(tenant))
        {
            var workOrder = await db.WorkOrders.SingleAsync(w => w.Id == id);
            workOrder.RecordFollowUpVisit(4, "满意", DemoIds.Manager, now);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateFor(tenant);
        var stored = await check.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == id);
        stored.Status.ShouldBe(WorkOrderStatus.Closed);
        stored.Report.ShouldBe(ServiceReport.Create("换了 4 块托盘", "川字托盘 × 4"));
        stored.Satisfaction!.Score.ShouldBe(4);
        stored.Satisfaction.Comment.ShouldBe("满意");
        stored.CapacityOverridden.ShouldBeTrue();
        stored.TimeOnSite.ShouldBe(TimeSpan.FromHours(2));
        stored.SlaDueAt.ShouldBe(now.AddHours(-5) + TimeSpan.FromHours(24));
        stored.StatusHistory.Select(c => c.To).ShouldBe(
            [WorkOrderStatus.New, WorkOrderStatus.Assigned, WorkOrderStatus.InProgress, WorkOrderStatus.Completed, WorkOrderStatus.Closed], ignoreOrder: true);
        stored.StatusHistory.Single(c => c.To == WorkOrderStatus.Assigned).CapacityOverridden.ShouldBeTrue();
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task WhenTheDemoIsSeeded_EveryStatusHasOrdersAndSomeOpenOnesAreOverdue()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var orders = await db.WorkOrders.AsNoTracking().ToListAsync();
        orders.Select(w => w.Status).Distinct().ShouldBe(WorkOrderStatuses.All, ignoreOrder: true);
        orders.Count(w => w.IsOverdue(database.Clock.GetUtcNow())).ShouldBeGreaterThan(0);
        orders.Where(w => w.TechnicianId is not null).Select(w => w.TechnicianId).Distinct().ShouldBe([DemoIds.Tech1, DemoIds.Tech2], ignoreOrder: true);
    }
}
