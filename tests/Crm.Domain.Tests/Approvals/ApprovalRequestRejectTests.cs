using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalRequestRejectTests
{
    [Fact]
    public void WhenManagerRejects_IsRejectedWithDeciderAndRaisesRejected()
    {
        var request = new ApprovalRequestBuilder().Build();

        request.Reject(ApprovalDesk.Manager, " Belongs to the Wuxi shop. ", ApprovalDesk.Later);

        request.Status.ShouldBe(ApprovalStatus.Rejected);
        request.DecidedById.ShouldBe(ApprovalDesk.Manager);
        request.DecidedAt.ShouldBe(ApprovalDesk.Later);
        request.Comment.ShouldBe("Belongs to the Wuxi shop.");
        var rejected = request.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalRejected>();
        rejected.ShouldBe(new ApprovalRejected(
            request.Id, ApprovalDesk.Tenant, ApprovalKind.PoolClaim, ApprovalDesk.Customer, ApprovalDesk.Rep, ApprovalDesk.Manager,
            "Belongs to the Wuxi shop.", ApprovalDesk.Later)
        {
            EventId = rejected.EventId,
        });
        rejected.IsAutomatic.ShouldBeFalse();
    }

    [Fact]
    public void WhenCommentIsBlank_RefusesWithCommentRequired()
    {
        var request = new ApprovalRequestBuilder().Build();

        RuleAssert.Violates(() => request.Reject(ApprovalDesk.Manager, "", ApprovalDesk.Later), "approval.comment-required");

        request.Status.ShouldBe(ApprovalStatus.Pending);
    }

    [Fact]
    public void WhenRejectedTwice_RefusesWithAlreadyDecided()
    {
        var request = new ApprovalRequestBuilder().Build();
        request.Reject(ApprovalDesk.Manager, "No.", ApprovalDesk.Later);
        request.ClearDomainEvents();

        RuleAssert.Violates(() => request.Reject(ApprovalDesk.Manager, "Still no.", ApprovalDesk.Later), "approval.already-decided");

        request.Comment.ShouldBe("No.");
        request.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAlreadyApproved_RefusesWithAlreadyDecided()
    {
        var request = new ApprovalRequestBuilder().Build();
        request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later);

        RuleAssert.Violates(() => request.Reject(ApprovalDesk.Manager, "Changed my mind.", ApprovalDesk.Later), "approval.already-decided");

        request.Status.ShouldBe(ApprovalStatus.Approved);
    }
}
