using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.AfterSales;

/// <summary>The people, places and moments of the after-sales tests, and a builder of valid requests.</summary>
internal static class AfterSalesDesk
{
    public static readonly TenantId Tenant = TenantId.New();
    public static readonly ShopId Shop = ShopId.New();
    public static readonly UserId Rep = UserId.New();
    public static readonly UserId Manager = UserId.New();
    public static readonly UserId Finance = UserId.New();
    public static readonly CustomerId Customer = CustomerId.New();
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Now.AddHours(3);

    public static AfterSalesRequest Submit(
        AfterSalesType type = AfterSalesType.ReturnAndRefund,
        decimal amount = 480m,
        AfterSalesReason reason = AfterSalesReason.Damaged,
        string? note = null,
        string? orderReference = "TM-20261118-001",
        IReadOnlyCollection<AfterSalesItem>? items = null,
        string? pickupAddress = "上海市青浦区华新镇华志路 1588 号") =>
        AfterSalesRequest.Submit(
            AfterSalesRequestId.New(), Tenant, Shop, type, Customer, orderReference, items ?? [AfterSalesItem.Create("川字托盘", 12)],
            Money.Create(amount), reason, note, pickupAddress, ApprovalRequestId.New(), Rep, Now);

    public static AfterSalesRequest Approved(AfterSalesType type = AfterSalesType.ReturnAndRefund)
    {
        var request = Submit(type, amount: type.NeedsRefund() ? 480m : 0m);
        request.Approve(Manager, null, Later);
        request.ClearDomainEvents();
        return request;
    }
}
