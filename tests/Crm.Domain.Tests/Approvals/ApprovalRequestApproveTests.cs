using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalRequestApproveTests
{
    [Fact]
    public void WhenManagerApproves_IsApprovedWithDeciderTimeAndComment()
    {
        var request = new ApprovalRequestBuilder().Build();

        request.Approve(ApprovalDesk.Manager, " Go ahead. ", ApprovalDesk.Later);

        request.Status.ShouldBe(ApprovalStatus.Approved);
        request.IsDecided.ShouldBeTrue();
        request.DecidedById.ShouldBe(ApprovalDesk.Manager);
        request.DecidedAt.ShouldBe(ApprovalDesk.Later);
        request.Comment.ShouldBe("Go ahead.");
        var approved = request.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalApproved>();
        approved.ShouldBe(new ApprovalApproved(
            request.Id, ApprovalDesk.Tenant, ApprovalKind.PoolClaim, ApprovalDesk.Customer, ApprovalDesk.Rep, ApprovalDesk.Manager, ApprovalDesk.Later)
        {
            EventId = approved.EventId,
        });
    }

    [Fact]
    public void WhenCommentIsBlank_ApprovesWithoutComment()
    {
        var request = new ApprovalRequestBuilder().Build();

        request.Approve(ApprovalDesk.Manager, "  ", ApprovalDesk.Later);

        request.Status.ShouldBe(ApprovalStatus.Approved);
        request.Comment.ShouldBeNull();
    }

    [Fact]
    public void WhenCommentIsTooLong_RefusesWithCommentTooLongAndStaysPending()
    {
        var request = new ApprovalRequestBuilder().Build();

        RuleAssert.Violates(
            () => request.Approve(ApprovalDesk.Manager, new string('c', ApprovalLimits.CommentMaxLength + 1), ApprovalDesk.Later),
            "approval.comment-too-long");

        request.Status.ShouldBe(ApprovalStatus.Pending);
        request.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenRequesterApprovesTheirOwnRequest_RefusesWithSelfApproval()
    {
        var request = new ApprovalRequestBuilder().RequestedBy(ApprovalDesk.Manager).Build();

        RuleAssert.Violates(() => request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later), "approval.self-approval");

        request.Status.ShouldBe(ApprovalStatus.Pending);
        request.DecidedById.ShouldBeNull();
        request.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenApprovedTwice_RefusesWithAlreadyDecided()
    {
        var request = new ApprovalRequestBuilder().Build();
        request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later);
        request.ClearDomainEvents();

        var refusal = RuleAssert.Violates(() => request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later.AddMinutes(1)), "approval.already-decided");

        refusal.Arguments.ShouldBe(new object[] { ApprovalStatus.Approved });
        request.DecidedAt.ShouldBe(ApprovalDesk.Later);
        request.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAlreadyRejected_RefusesWithAlreadyDecided()
    {
        var request = new ApprovalRequestBuilder().Build();
        request.Reject(ApprovalDesk.Manager, "Belongs to the Wuxi shop.", ApprovalDesk.Later);

        RuleAssert.Violates(() => request.Approve(ApprovalDesk.Manager, null, ApprovalDesk.Later), "approval.already-decided");

        request.Status.ShouldBe(ApprovalStatus.Rejected);
    }
}
