using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalRequestRejectAutomaticallyTests
{
    [Fact]
    public void WhenACompetingClaimWon_IsRejectedWithoutDeciderAndTheReasonAsComment()
    {
        var request = new ApprovalRequestBuilder().Build();

        request.RejectAutomatically("Another rep's claim on this customer was approved.", ApprovalDesk.Later);

        request.Status.ShouldBe(ApprovalStatus.Rejected);
        request.DecidedById.ShouldBeNull();
        request.DecidedAt.ShouldBe(ApprovalDesk.Later);
        request.Comment.ShouldBe("Another rep's claim on this customer was approved.");
        var rejected = request.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalRejected>();
        rejected.RejectedById.ShouldBeNull();
        rejected.IsAutomatic.ShouldBeTrue();
        rejected.Comment.ShouldBe("Another rep's claim on this customer was approved.");
    }

    [Fact]
    public void WhenAlreadyApproved_RefusesWithAlreadyDecided()
    {
        var request = new ApprovalRequestBuilder().Build();
        request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later);

        RuleAssert.Violates(() => request.RejectAutomatically("Competing claim won.", ApprovalDesk.Later), "approval.already-decided");

        request.Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public void WhenReasonIsBlank_RefusesWithCommentRequired()
    {
        var request = new ApprovalRequestBuilder().Build();

        RuleAssert.Violates(() => request.RejectAutomatically(" ", ApprovalDesk.Later), "approval.comment-required");

        request.Status.ShouldBe(ApprovalStatus.Pending);
    }
}
