using Crm.Domain.Approvals;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Approvals;

public class ApprovalRequestIdTests
{
    [Fact]
    public void WhenEmpty_RefusesWithIdEmpty() =>
        RuleAssert.Violates(() => new ApprovalRequestId(Guid.Empty), "id.empty");
}
