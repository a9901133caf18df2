using System.Collections.Immutable;
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
using Crm.Web.Features.Shell;

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
}
