using Crm.Domain.Approvals;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Approvals;

/// <summary>The fixed world of the approval tests: a rep who asks, a manager who decides.</summary>
internal static class ApprovalDesk
{
    public static readonly DateTimeOffset Start = new(2026, 11, 16, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Start.AddMinutes(40);
    public static readonly TenantId Tenant = new(Guid.Parse("a9000000-0000-4000-8000-000000000001"));
    public static readonly ShopId Shop = new(Guid.Parse("a9000000-0000-4000-8000-000000000002"));
    public static readonly UserId Rep = new(Guid.Parse("a9000000-0000-4000-8000-000000000003"));
    public static readonly UserId Manager = new(Guid.Parse("a9000000-0000-4000-8000-000000000004"));
    public static readonly Guid CustomerId = Guid.Parse("a9000000-0000-4000-8000-000000000005");

    public static ApprovalSubject Customer => ApprovalSubject.Create("Customer", CustomerId, "苏州华通包装有限公司");
}

/// <summary>Builds a pending request (a pool claim by the rep by default), events cleared.</summary>
internal sealed class ApprovalRequestBuilder
{
    private ApprovalKind _kind = ApprovalKind.PoolClaim;
    private UserId _requester = ApprovalDesk.Rep;

    public ApprovalRequestBuilder OfKind(ApprovalKind kind)
    {
        _kind = kind;
        return this;
    }

    public ApprovalRequestBuilder RequestedBy(UserId requester)
    {
        _requester = requester;
        return this;
    }

    public ApprovalRequest Build()
    {
        var request = ApprovalRequest.Submit(
            ApprovalRequestId.New(), ApprovalDesk.Tenant, ApprovalDesk.Shop, _kind, ApprovalDesk.Customer, _requester,
            "I met their buyer at the Shanghai trade show last week.", ApprovalDesk.Start);
        request.ClearDomainEvents();
        return request;
    }
}
