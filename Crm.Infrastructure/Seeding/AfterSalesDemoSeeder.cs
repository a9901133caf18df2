using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Infrastructure.AfterSales;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// A week of after-sales requests, submitted and decided through the same code as the app: three pending on the
/// approvals board, two approved (one return with its pickup work order and a refund due, one refund already paid by
/// finance), one rejected with the manager's comment. The other company gets a pending request and a due refund.
/// </summary>
internal sealed class AfterSalesDemoSeeder : IDemoSeeder
{
    /// <summary>A manager of the other company who has left: decisions keep their decider's id after the account is gone.</summary>
    private static readonly UserId OtherFormerManager = new(Guid.Parse("0b1c0000-0000-4000-8004-000000001010"));

    public int Order => 40;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = DemoClock.Now(context.Clock);
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.AfterSalesRequests.AnyAsync(r => r.Id == DemoIds.Rep1PendingReturn, cancellationToken))
            {
                await SeedDemoAsync(db, now, cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.AfterSalesRequests.AnyAsync(r => r.Id == DemoIds.OtherTenantAfterSales, cancellationToken))
        {
            var customer = CustomerDemoSeeder.OtherCustomerIds[0].Value;
            Submit(other, DemoIds.OtherTenantAfterSales, DemoIds.OtherTenant, DemoIds.OtherShop, "Other Trading Client A", DemoIds.OtherAdmin, now.AddHours(-4), new AfterSalesInput(
                AfterSalesType.ReturnAndRefund, customer, "OT-1001", [("Plastic pallet", 5)], 600m, AfterSalesReason.Damaged, null, "1 Other Street, Warehouse B"));
            Submit(other, DemoIds.AfterSalesRequest(1002), DemoIds.OtherTenant, DemoIds.OtherShop, "Other Trading Client A", DemoIds.OtherAdmin, now.AddDays(-3), new AfterSalesInput(
                AfterSalesType.RefundOnly, customer, "OT-1002", [("Wooden pallet", 2)], 90m, AfterSalesReason.Surplus, null, null));
            await SaveQuietlyAsync(other, cancellationToken);
            await DecideAsync(other, DemoIds.AfterSalesRequest(1002), OtherFormerManager, approve: true, "OK", now.AddDays(-2), cancellationToken);
            await SaveQuietlyAsync(other, cancellationToken);
        }
    }

    private static async Task SeedDemoAsync(CrmDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DemoCustomer Tmall(int i) => CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.TmallShop && c.Owner is not null).ElementAt(i);
        DemoCustomer Jd(int i) => CustomerDemoSeeder.Catalog.Where(c => c.Shop == DemoIds.JdShop && c.Owner is not null).ElementAt(i);
        void Add(int n, DemoCustomer customer, UserId rep, double hoursAgo, AfterSalesType type, string order, (string?, int)[] items, decimal amount,
            AfterSalesReason reason, string? note, string? address) =>
            Submit(db, DemoIds.AfterSalesRequest(n), DemoIds.DemoTenant, customer.Shop, customer.Name, rep, now.AddHours(-hoursAgo), new AfterSalesInput(
                type, DemoIds.Customer(customer.Number).Value, order, items, amount, reason, note, address));

        // Pending on the approvals board.
        Add(1, Tmall(0), DemoIds.Rep1, 3, AfterSalesType.ReturnAndRefund, "TM-20261118-0031", [("川字托盘 1200×1000", 12)], 480m, AfterSalesReason.Damaged,
            "到货时 12 块叉孔开裂", "江苏省苏州市工业园区星湖街 218 号 2 号仓");
        Add(2, Jd(0), DemoIds.Rep2, 26, AfterSalesType.Exchange, "JD-88231907", [("网格托盘 1100×1100", 30)], 1_650m, AfterSalesReason.WrongItem,
            "订的是田字托盘，发成网格托盘", "上海市青浦区华新镇华志路 1588 号");
        Add(3, Tmall(1), DemoIds.Rep1, 50, AfterSalesType.RefundOnly, "TM-20261115-0007", [("托盘防滑垫", 40)], 160m, AfterSalesReason.Quality, null, null);

        // Decided through the week.
        Add(4, Jd(1), DemoIds.Rep2, 100, AfterSalesType.ReturnAndRefund, "JD-88110452", [("九脚托盘", 20), ("托盘围板", 5)], 2_350m, AfterSalesReason.Quality,
            "脚墩开裂，客户要求退货", "浙江省杭州市余杭区仓前街道 66 号");
        Add(5, Tmall(2), DemoIds.Rep1, 130, AfterSalesType.Reissue, "TM-20261110-0112", [("塑料周转箱", 2)], 0m, AfterSalesReason.Other,
            "客户称少发两箱", null);
        Add(6, Jd(2), DemoIds.Rep2, 150, AfterSalesType.RefundOnly, "JD-87990311", [("川字托盘 1200×1000", 6)], 240m, AfterSalesReason.Surplus, null, null);
        await SaveQuietlyAsync(db, cancellationToken);

        await DecideAsync(db, DemoIds.AfterSalesRequest(4), DemoIds.Manager, approve: true, "质量问题属实，同意退货退款", now.AddHours(-96), cancellationToken);
        await DecideAsync(db, DemoIds.AfterSalesRequest(5), DemoIds.Manager, approve: false, "仓库核实已全数发出，出库视频为证", now.AddHours(-120), cancellationToken);
        await DecideAsync(db, DemoIds.AfterSalesRequest(6), DemoIds.Manager, approve: true, null, now.AddHours(-140), cancellationToken);
        await SaveQuietlyAsync(db, cancellationToken);

        var paidRequest = await db.AfterSalesRequests.SingleAsync(r => r.Id == DemoIds.AfterSalesRequest(6), cancellationToken);
        var refund = await db.Refunds.SingleAsync(r => r.RequestId == paidRequest.Id, cancellationToken);
        refund.MarkPaid(paidRequest, DemoIds.Finance, now.AddHours(-120));
        await SaveQuietlyAsync(db, cancellationToken);
    }

    private static void Submit(
        CrmDbContext db, AfterSalesRequestId id, TenantId tenant, ShopId shop, string customerName, UserId requester, DateTimeOffset at, AfterSalesInput input)
    {
        var (request, approval) = AfterSalesSubmission.Submit(id, tenant, shop, customerName, input, requester, at);
        db.AfterSalesRequests.Add(request);
        db.ApprovalRequests.Add(approval);
    }

    private static async Task DecideAsync(
        CrmDbContext db, AfterSalesRequestId id, UserId manager, bool approve, string? comment, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var request = await db.AfterSalesRequests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        var approval = await db.ApprovalRequests.SingleAsync(r => r.Id == request.ApprovalRequestId, cancellationToken);
        if (approve)
        {
            approval.Approve(manager, comment, at);
            await AfterSalesDecisions.ApproveAsync(db, approval, at, cancellationToken);
        }
        else
        {
            approval.Reject(manager, comment ?? string.Empty, at);
            await AfterSalesDecisions.RejectAsync(db, approval, at, cancellationToken);
        }
    }

    /// <summary>Demo rows are history, not news: no notifications or board events for them.</summary>
    private static Task<int> SaveQuietlyAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        foreach (var entity in db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IHasDomainEvents>())
        {
            entity.ClearDomainEvents();
        }

        return db.SaveChangesAsync(cancellationToken);
    }
}
