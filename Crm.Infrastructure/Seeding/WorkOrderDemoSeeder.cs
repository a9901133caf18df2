using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// A week of after-sales work for tech1 (Liu Yang) and tech2 (Zhao Lei), built through the domain:
/// work orders in every status, some overdue, closed ones rated 1–5. tech1 has room today
/// (2 open of 4); tech2 is full (3 open of 3), so assigning to tech2 asks the dispatcher to confirm.
/// The other company gets one new work order.
/// </summary>
internal sealed class WorkOrderDemoSeeder : IDemoSeeder
{
    public int Order => 30;

    private static readonly string[] Addresses =
    [
        "江苏省苏州市工业园区星湖街 218 号 2 号仓", "上海市青浦区华新镇华志路 1588 号", "浙江省杭州市余杭区仓前街道 66 号",
        "江苏省昆山市玉山镇晨丰路 88 号 3 号仓", "上海市嘉定区马陆镇宝安公路 2999 号", "浙江省嘉兴市南湖区亚中路 500 号",
    ];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = DemoClock.Now(context.Clock);
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.WorkOrders.AnyAsync(w => w.Id == DemoIds.NewInstallation, cancellationToken))
            {
                var customers = CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.TmallShop || c.Shop == DemoIds.JdShop).ToList();
                var writer = new Writer(DemoIds.DemoTenant, now, customers);
                db.WorkOrders.AddRange(Week(writer));
                await db.SaveChangesAsync(cancellationToken);
                await SetCapacityAsync(db, DemoIds.Tech2, 3, cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.WorkOrders.AnyAsync(w => w.Id == DemoIds.OtherTenantWorkOrder, cancellationToken))
        {
            var workOrder = WorkOrder.Open(
                DemoIds.OtherTenantWorkOrder, DemoIds.OtherTenant, DemoIds.OtherShop, CustomerDemoSeeder.OtherCustomerIds[0], null,
                "1 Other Street, Warehouse B", WorkOrderType.Inspection, WorkOrderPriority.Normal, "Yearly shelving inspection.",
                now.AddHours(-3), SlaPolicy.Default, DemoIds.OtherAdmin, now.AddHours(-3));
            workOrder.ClearDomainEvents();
            other.WorkOrders.Add(workOrder);
            await other.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task SetCapacityAsync(Persistence.CrmDbContext db, UserId technician, int capacity, CancellationToken cancellationToken)
    {
        var id = technician.Value;
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is not null)
        {
            user.DailyCapacity = capacity;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static IEnumerable<WorkOrder> Week(Writer w)
    {
        var tech1 = DemoIds.Tech1;
        var tech2 = DemoIds.Tech2;

        // The named ones (DemoIds).
        yield return w.Open(1, WorkOrderType.Installation, WorkOrderPriority.Normal, "新仓 800 块川字托盘到货，需上门指导码放和货架安装。", hoursAgo: 1);
        yield return w.Open(2, WorkOrderType.Repair, WorkOrderPriority.Urgent, "叉车托盘断裂，仓库出货受阻，客户要求尽快上门。", hoursAgo: 6);
        yield return w.Assign(w.Open(3, WorkOrderType.Inspection, WorkOrderPriority.Normal, "年度托盘承重抽检，约 50 块。", hoursAgo: 5), tech1, hoursAgo: 4);
        yield return w.Complete(w.Open(4, WorkOrderType.Repair, WorkOrderPriority.High, "九脚托盘脚墩开裂，需更换 20 块。", hoursAgo: 30), tech1, 28, 26, 24);

        // More new ones, one of them past its SLA.
        yield return w.Open(5, WorkOrderType.TechnicalSupport, WorkOrderPriority.Low, "客户咨询托盘防滑垫的选型和安装方式。", hoursAgo: 2);
        yield return w.Open(6, WorkOrderType.ReturnPickup, WorkOrderPriority.Normal, "错发 30 块网格托盘，上门取回。", hoursAgo: 50);
        yield return w.Open(7, WorkOrderType.Installation, WorkOrderPriority.High, "冷库专用托盘首批交付，现场验收。", hoursAgo: 3);

        // Assigned and in progress: tech1 has 2 open, tech2 3 (its whole capacity); one assigned order is overdue.
        yield return w.CheckIn(w.Assign(w.Open(8, WorkOrderType.Repair, WorkOrderPriority.High, "立体库托盘卡位，需现场调整。", hoursAgo: 8), tech1, 7), tech1, 1);
        yield return w.Assign(w.Open(9, WorkOrderType.Repair, WorkOrderPriority.Urgent, "托盘批量变形，客户投诉。", hoursAgo: 7), tech2, 6);
        yield return w.CheckIn(w.Assign(w.Open(10, WorkOrderType.Inspection, WorkOrderPriority.Normal, "电商大促前托盘巡检。", hoursAgo: 20), tech2, 18), tech2, 2);
        yield return w.Assign(w.Open(11, WorkOrderType.TechnicalSupport, WorkOrderPriority.Low, "指导客户使用托盘 RFID 标签。", hoursAgo: 4), tech2, 3);

        // Completed, waiting for the follow-up visit.
        yield return w.Complete(w.Open(12, WorkOrderType.Installation, WorkOrderPriority.Normal, "周转箱循环共用系统上线培训。", hoursAgo: 40), tech2, 38, 30, 27);
        yield return w.Complete(w.Open(13, WorkOrderType.Repair, WorkOrderPriority.Urgent, "托盘叉孔破损，影响叉车作业。", hoursAgo: 60), tech1, 59, 58, 50);

        // Closed through the week, with ratings spread over 1–5.
        int[] ratings = [5, 4, 5, 3, 4, 5, 2, 4, 5, 1];
        for (var i = 0; i < ratings.Length; i++)
        {
            var technician = i % 2 == 0 ? tech1 : tech2;
            var openedHoursAgo = 160 - (i * 12);
            var type = (WorkOrderType)(i % 5);
            var order = w.Open(14 + i, type, (WorkOrderPriority)(i % 4), "例行售后服务：托盘检查与更换。", openedHoursAgo);
            w.Complete(order, technician, openedHoursAgo - 2, openedHoursAgo - 6, openedHoursAgo - 6 - (i % 3) - 1);
            yield return w.Close(order, ratings[i], openedHoursAgo - 30);
        }

        // Cancelled: one before and one after assignment.
        var cancelled = w.Open(24, WorkOrderType.Inspection, WorkOrderPriority.Low, "客户临时取消巡检。", hoursAgo: 72);
        yield return w.Cancel(cancelled, "客户仓库搬迁，取消本次巡检。", 70);
        var cancelledAssigned = w.Assign(w.Open(25, WorkOrderType.ReturnPickup, WorkOrderPriority.Normal, "退货取件。", hoursAgo: 30), tech1, 29);
        yield return w.Cancel(cancelledAssigned, "客户改为自行寄回。", 28);
    }

    private sealed class Writer(TenantId tenant, DateTimeOffset now, IReadOnlyList<DemoCustomer> customers)
    {
        public WorkOrder Open(int number, WorkOrderType type, WorkOrderPriority priority, string description, int hoursAgo)
        {
            var customer = customers[(number * 7) % customers.Count];
            var at = now.AddHours(-hoursAgo);
            var workOrder = WorkOrder.Open(
                DemoIds.WorkOrder(number), tenant, customer.Shop, DemoIds.Customer(customer.Number), null, Addresses[number % Addresses.Length],
                type, priority, description, at, SlaPolicy.Default, DemoIds.Dispatcher, at);
            workOrder.ClearDomainEvents();
            return workOrder;
        }

        public WorkOrder Assign(WorkOrder workOrder, UserId technician, int hoursAgo) =>
            Done(workOrder, w => w.AssignTo(technician, technicianIsOnDuty: true, DemoIds.Dispatcher, now.AddHours(-hoursAgo)));

        public WorkOrder CheckIn(WorkOrder workOrder, UserId technician, int hoursAgo) =>
            Done(workOrder, w => w.CheckIn(technician, now.AddHours(-hoursAgo)));

        public WorkOrder Complete(WorkOrder workOrder, UserId technician, int assignedHoursAgo, int inHoursAgo, int outHoursAgo)
        {
            Assign(workOrder, technician, assignedHoursAgo);
            CheckIn(workOrder, technician, inHoursAgo);
            return Done(workOrder, w => w.CheckOut(
                technician, ServiceReport.Create("现场检查并更换损坏托盘，客户签字确认。", "川字托盘 × 4"), now.AddHours(-outHoursAgo)));
        }

        public WorkOrder Close(WorkOrder workOrder, int rating, int hoursAgo) =>
            Done(workOrder, w => w.RecordFollowUpVisit(rating, rating >= 4 ? "服务及时，满意。" : "到场较晚，希望改进。", DemoIds.Manager, now.AddHours(-hoursAgo)));

        public WorkOrder Cancel(WorkOrder workOrder, string reason, int hoursAgo) =>
            Done(workOrder, w => w.Cancel(reason, DemoIds.Dispatcher, now.AddHours(-hoursAgo)));

        private static WorkOrder Done(WorkOrder workOrder, Action<WorkOrder> step)
        {
            step(workOrder);
            workOrder.ClearDomainEvents();
            return workOrder;
        }
    }
}
