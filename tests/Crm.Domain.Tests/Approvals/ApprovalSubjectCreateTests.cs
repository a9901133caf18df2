using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalSubjectCreateTests
{
    [Fact]
    public void WhenValid_TrimsAndKeepsTheValues()
    {
        var id = Guid.NewGuid();

        var subject = ApprovalSubject.Create(" Customer ", id, " 苏州华通包装 ");

        subject.Type.ShouldBe("Customer");
        subject.Id.ShouldBe(id);
        subject.Title.ShouldBe("苏州华通包装");
        subject.ShouldBe(ApprovalSubject.Create("Customer", id, "苏州华通包装"));
    }

    [Fact]
    public void WhenTypeIsBlank_RefusesWithSubjectTypeRequired() =>
        RuleAssert.Violates(() => ApprovalSubject.Create(" ", Guid.NewGuid(), "Title"), "approval.subject-type-required");

    [Fact]
    public void WhenIdIsEmpty_RefusesWithSubjectIdEmpty() =>
        RuleAssert.Violates(() => ApprovalSubject.Create("Customer", Guid.Empty, "Title"), "approval.subject-id-empty");

    [Fact]
    public void WhenTitleIsTooLong_RefusesWithSubjectTitleTooLong() =>
        RuleAssert.Violates(
            () => ApprovalSubject.Create("Customer", Guid.NewGuid(), new string('t', ApprovalLimits.SubjectTitleMaxLength + 1)),
            "approval.subject-title-too-long");
}
