using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalRequestSubmitTests
{
    private static ApprovalRequest Submit(string reason, ApprovalKind kind = ApprovalKind.PoolClaim) =>
        ApprovalRequest.Submit(ApprovalRequestId.New(), ApprovalDesk.Tenant, ApprovalDesk.Shop, kind, ApprovalDesk.Customer, ApprovalDesk.Rep, reason, ApprovalDesk.Start);

    [Fact]
    public void WhenSubmitted_IsPendingUndecidedAndRaisesRequested()
    {
        var id = ApprovalRequestId.New();

        var request = ApprovalRequest.Submit(
            id, ApprovalDesk.Tenant, ApprovalDesk.Shop, ApprovalKind.PoolClaim, ApprovalDesk.Customer, ApprovalDesk.Rep, " Old customer of mine. ", ApprovalDesk.Start);

        request.Id.ShouldBe(id);
        request.TenantId.ShouldBe(ApprovalDesk.Tenant);
        request.ShopId.ShouldBe(ApprovalDesk.Shop);
        request.Kind.ShouldBe(ApprovalKind.PoolClaim);
        request.Subject.ShouldBe(ApprovalDesk.Customer);
        request.RequesterId.ShouldBe(ApprovalDesk.Rep);
        request.Reason.ShouldBe("Old customer of mine.");
        request.Status.ShouldBe(ApprovalStatus.Pending);
        request.IsDecided.ShouldBeFalse();
        request.CreatedAt.ShouldBe(ApprovalDesk.Start);
        request.DecidedById.ShouldBeNull();
        request.DecidedAt.ShouldBeNull();
        request.Comment.ShouldBeNull();
        var requested = request.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalRequested>();
        requested.ShouldBe(new ApprovalRequested(
            id, ApprovalDesk.Tenant, ApprovalDesk.Shop, ApprovalKind.PoolClaim, ApprovalDesk.Customer, ApprovalDesk.Rep, ApprovalDesk.Start)
        {
            EventId = requested.EventId,
        });
    }

    [Theory]
    [InlineData(ApprovalKind.Discount)]
    [InlineData(ApprovalKind.Quote)]
    [InlineData(ApprovalKind.Return)]
    public void WhenKindIsNotAPoolClaim_IsAcceptedToo(ApprovalKind kind) =>
        Submit("Needs a decision.", kind).Kind.ShouldBe(kind);

    [Fact]
    public void WhenKindIsUndefined_RefusesWithKindInvalid() =>
        RuleAssert.Violates(() => Submit("Needs a decision.", (ApprovalKind)42), "approval.kind-invalid");

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WhenReasonIsBlank_RefusesWithReasonRequired(string reason) =>
        RuleAssert.Violates(() => Submit(reason), "approval.reason-required");

    [Fact]
    public void WhenReasonIsTooLong_RefusesWithReasonTooLong() =>
        RuleAssert.Violates(() => Submit(new string('r', ApprovalLimits.ReasonMaxLength + 1)), "approval.reason-too-long");
}
