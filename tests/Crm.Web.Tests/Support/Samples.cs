using Crm.Web.Components;
using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Domain.Notifications;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Admin;
using Crm.Web.Features.Customers;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Web.Features.Notifications;
using Crm.Web.Features.Opportunities;
using Crm.Web.Features.Pool;
using Crm.Web.Features.Shell;
using Crm.Web.Features.WorkOrders;
using Crm.Domain.Service;

namespace Crm.Web.Tests.Support;

/// <summary>Small builders for the production slices' states and actions.</summary>
public static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static ShopOption Shop(string name) => new(ShopId.New(), name);

    public static ShellState ShellWith(params ShopOption[] shops) => new() { Shops = [.. shops] };

    /// <summary>A welcome notification ("Welcome to Crm, {0}! ..."), for <paramref name="name"/>.</summary>
    public static NotificationItem Notification(bool isRead = false, string name = "Li Wei") =>
        new(NotificationId.New(), "Notification.Welcome", [name], "/", Now, isRead);

    public static NotificationsState NotificationsWith(params NotificationItem[] items) => new() { Items = [.. items] };

    public static UserRow User(string email = "rep@example.test", string name = "Li Wei", string role = Roles.SalesRep) =>
        new(Guid.NewGuid(), email, name, role, [ShopId.New()], IsHeadOffice: false, IsDisabled: false, IsLockedOut: false);

    public static UserInput Input(string email = "new@example.test", string name = "New Person") =>
        new(email, name, "Secret123!", Roles.SalesRep, ImmutableArray<ShopId>.Empty, IsHeadOffice: true);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>
    /// An opportunity as the board shows it. Unless told otherwise: version 1, priority B, created a day ago,
    /// followed up two hours ago (not stale), expected to close in 20 days.
    /// </summary>
    public static OpportunityCard Card(
        OpportunityStage stage = OpportunityStage.Lead,
        decimal amount = 10_000m,
        long version = 1,
        Guid? id = null,
        Guid? ownerId = null,
        string ownerName = "Li Wei",
        Guid? shopId = null,
        Priority priority = Priority.B,
        string title = "800 pallets",
        string customerName = "Huayu Logistics",
        DateOnly? expectedClose = null,
        DateTimeOffset? lastFollowedUpAt = null,
        DateTimeOffset? createdAt = null) =>
        new(
            id ?? Guid.NewGuid(),
            version,
            title,
            DemoIds.Customer(1).Value,
            customerName,
            amount,
            "CNY",
            stage,
            ownerId ?? DemoIds.Rep1.Value,
            ownerName,
            shopId ?? DemoIds.TmallShop.Value,
            expectedClose ?? Today.AddDays(20),
            55,
            priority,
            lastFollowedUpAt ?? Now.AddHours(-2),
            createdAt ?? Now.AddDays(-1),
            createdAt ?? Now.AddDays(-1));

    public static PipelineState PipelineWith(params OpportunityCard[] cards) =>
        new() { Cards = cards.ToImmutableDictionary(c => c.Id), IsLoaded = true };

    public static OpportunityDetail Detail(OpportunityCard card) =>
        new(card, "Needs 800 pallets", null, SourceChannel.Website, ScoringInputs.Unknown, [], []);

    public static PipelineSettingsInput SettingsInput() => PipelineSettingsInput.From(PipelineSettings.Default);

    /// <summary>
    /// A request as the approvals board shows it. Unless told otherwise: a pending pool claim by Li Wei (rep1, Tmall)
    /// for a customer, made five hours ago, version 1.
    /// </summary>
    public static ApprovalCard Approval(
        ApprovalStatus status = ApprovalStatus.Pending,
        ApprovalKind kind = ApprovalKind.PoolClaim,
        long version = 1,
        Guid? id = null,
        Guid? requesterId = null,
        string requesterName = "Li Wei",
        string subject = "上海顺达物流有限公司",
        string reason = "Asked for a quote last month",
        DateTimeOffset? createdAt = null,
        string? deciderName = null,
        string? comment = null) =>
        new(
            id ?? Guid.NewGuid(),
            version,
            kind,
            status,
            "Customer",
            DemoIds.Customer(1).Value,
            subject,
            reason,
            requesterId ?? DemoIds.Rep1.Value,
            requesterName,
            DemoIds.TmallShop.Value,
            createdAt ?? Now.AddHours(-5),
            deciderName is null ? null : DemoIds.Manager.Value,
            deciderName,
            status == ApprovalStatus.Pending ? null : Now.AddMinutes(-10),
            comment);
    /// <summary>A pool page's data: one pool customer (East, pending claim), one own customer, two regions, one rep.</summary>
    public static PoolView PoolView() => new(
        [new PoolRow(Guid.NewGuid(), 2, "Huayu Logistics", Domain.Customers.Pool.CustomerTier.B, DemoIds.EastRegion.Value, "Tmall", "No plans", Now.AddDays(-3), "Li Wei", 1, false)],
        [new OwnedRow(Guid.NewGuid(), 3, "Suzhou Foods", Domain.Customers.Pool.CustomerTier.C, DemoIds.SouthRegion.Value, Now.AddDays(-2), Now.AddDays(28), false, null)],
        [new PoolRegion(DemoIds.EastRegion.Value, "East China"), new PoolRegion(DemoIds.SouthRegion.Value, "South China")],
        [new RepOption(DemoIds.Rep1.Value, "Li Wei")],
        Domain.Customers.Pool.TierNames.AllTiers.ToImmutableDictionary(t => t, t => t.ToString()),
        new PoolLimits(1, 5, 0, 10),
        CanAssign: true,
        CanClaim: true);

    public static PoolSettingsForm PoolSettingsForm() => new(
        PoolSettingsInput.From(Domain.Customers.Pool.PoolPolicy.Default),
        [new NamedOption(DemoIds.EastRegion.Value, "East China")],
        [new NamedOption(DemoIds.TmallShop.Value, "Tmall")]);

    public static TechnicianOption Technician1 { get; } = new(DemoIds.Tech1.Value, "tech1@demo.local", "Liu Yang", IsOffDuty: false, DailyCapacity: 4);

    public static TechnicianOption Technician2 { get; } = new(DemoIds.Tech2.Value, "tech2@demo.local", "Zhao Lei", IsOffDuty: false, DailyCapacity: 3);

    /// <summary>
    /// A work order as the dispatch board shows it. Unless told otherwise: new, normal priority, a repair,
    /// requested an hour ago and due in 47 hours, version 1.
    /// </summary>
    public static WorkOrderCard WorkOrder(
        WorkOrderStatus status = WorkOrderStatus.New,
        long version = 1,
        Guid? id = null,
        TechnicianOption? technician = null,
        WorkOrderPriority priority = WorkOrderPriority.Normal,
        WorkOrderType type = WorkOrderType.Repair,
        DateTimeOffset? dueAt = null,
        string customerName = "Huayu Logistics",
        DateTimeOffset? assignedAt = null,
        DateTimeOffset? checkedInAt = null,
        DateTimeOffset? checkedOutAt = null,
        int? satisfaction = null,
        DateTimeOffset? closedAt = null) =>
        new(
            id ?? Guid.NewGuid(),
            version,
            DemoIds.Customer(1).Value,
            customerName,
            DemoIds.TmallShop.Value,
            "江苏省苏州市工业园区星湖街 218 号",
            type,
            priority,
            status,
            "Pallet jack leaks oil.",
            Now.AddHours(-1),
            dueAt ?? Now.AddHours(47),
            technician?.Id,
            technician?.DisplayName,
            assignedAt ?? (technician is null ? null : Now.AddMinutes(-30)),
            false,
            checkedInAt,
            checkedOutAt,
            checkedOutAt is null ? null : "Replaced the seal.",
            checkedOutAt is null ? null : "1 seal kit",
            satisfaction,
            closedAt,
            Now.AddHours(-1));

    public static DispatchState DispatchWith(params WorkOrderCard[] cards) =>
        new() { Cards = cards.ToImmutableDictionary(c => c.Id), Technicians = [Technician1, Technician2], IsLoaded = true };

    public static CustomerOptions CustomerChoices() =>
        new([new(DemoIds.TmallShop.Value, "天猫旗舰店")], [new(DemoIds.EastRegion.Value, "华东")], [new(DemoIds.Rep1.Value, "Li Wei")], ["年框"], IsManager: true);

    public static CustomerInput CustomerInput() => CustomerInputs.Company("上海顺达物流有限公司", phone: "021-5566 7788");

    /// <summary>A profile as the page shows it: one contact, one follow-up with it, one opportunity, one change of owner.</summary>
    public static CustomerProfileView CustomerProfile()
    {
        var id = DemoIds.Customer(1).Value;
        var contact = DemoIds.Contact(1).Value;
        return new CustomerProfileView(
            new CustomerDetails(
                id, 3, CustomerKind.Company, "上海顺达物流有限公司", "021-5566 7788", "sd-wuliu", "物流", DemoIds.EastRegion.Value, "华东", DemoIds.TmallShop.Value,
                "天猫旗舰店", CustomerTier.B, SourceChannel.TradeShow, null, ["年框"], null, DemoIds.Rep1.Value, "Li Wei", Now.AddDays(-200)),
            new PoolStateLine(Now.AddDays(-200), Now.AddDays(-2), false, null, null, null),
            [new ContactLine(contact, "王建国", "138 0013 8000", "采购经理", Now.AddDays(-2))],
            [new TimelineEntry(Guid.NewGuid(), Now.AddDays(-2), "Li Wei", "Called.", "王建国", null, null, null)],
            [new CustomerOpportunityLine(DemoIds.Rep1FreshLead.Value, "800 pallets", OpportunityStage.Lead, 10_000m, "Li Wei", Today.AddDays(20))],
            [new OwnershipLine(Now.AddDays(-200), OwnershipChangeKind.Registered, null, "Li Wei", "Li Wei", null)]);
    }

    public static Crm.Web.Features.AfterSales.AfterSalesRow AfterSalesRow(
        Domain.AfterSales.AfterSalesType type = Domain.AfterSales.AfterSalesType.ReturnAndRefund,
        Domain.AfterSales.AfterSalesStatus status = Domain.AfterSales.AfterSalesStatus.PendingApproval,
        Domain.AfterSales.AfterSalesReason reason = Domain.AfterSales.AfterSalesReason.Damaged,
        decimal amount = 480m,
        DateTimeOffset? createdAt = null,
        string orderReference = "TM-20261118-0031",
        Guid? shopId = null) =>
        new(Guid.NewGuid(), 1, type, status, reason, DemoIds.Customer(1).Value, "上海顺达物流有限公司", shopId ?? DemoIds.TmallShop.Value, orderReference, amount, "CNY",
            "川字托盘 × 12", "Li Wei", createdAt ?? Now.AddHours(-1), null);

    public static Crm.Web.Features.AfterSales.AfterSalesDetail AfterSalesDetail(Crm.Web.Features.AfterSales.AfterSalesRow row, Guid? workOrderId = null) =>
        new(row, [new("川字托盘", 12)], "叉孔开裂", "上海市青浦区华新镇华志路 1588 号", "同意",
            [
                new(Domain.AfterSales.AfterSalesStepKind.Submitted, "Li Wei", row.CreatedAt, "叉孔开裂", null),
                new(Domain.AfterSales.AfterSalesStepKind.Approved, "Wang Fang", row.CreatedAt.AddHours(1), "同意", null),
                new(Domain.AfterSales.AfterSalesStepKind.PickupScheduled, "Wang Fang", row.CreatedAt.AddHours(1), null, workOrderId ?? Guid.NewGuid()),
                new(Domain.AfterSales.AfterSalesStepKind.RefundRecorded, "Wang Fang", row.CreatedAt.AddHours(1), null, Guid.NewGuid()),
            ],
            workOrderId ?? Guid.NewGuid(), Domain.Service.WorkOrderStatus.New, Guid.NewGuid(), Domain.AfterSales.RefundStatus.Due);

    public static Crm.Web.Features.AfterSales.RefundRow Refund(Domain.AfterSales.RefundStatus status = Domain.AfterSales.RefundStatus.Due) =>
        new(Guid.NewGuid(), 1, Guid.NewGuid(), "上海顺达物流有限公司", "TM-20261118-0031", Domain.AfterSales.AfterSalesType.ReturnAndRefund, 480m, "CNY", status, Now.AddHours(-2),
            status == Domain.AfterSales.RefundStatus.Paid ? Now : null, status == Domain.AfterSales.RefundStatus.Paid ? "Sun Li" : null);
}
