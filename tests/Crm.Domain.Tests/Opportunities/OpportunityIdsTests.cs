using Crm.Domain.Common;
using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityIdsTests
{
    public static TheoryData<Action> EmptyIds => new()
    {
        () => _ = new OpportunityId(Guid.Empty),
        () => _ = new FollowUpId(Guid.Empty),
        () => _ = new StageChangeId(Guid.Empty),
    };

    [Theory]
    [MemberData(nameof(EmptyIds))]
    public void WhenGuidIsEmpty_RefusesWithIdEmpty(Action create) =>
        Should.Throw<DomainRuleViolation>(create).Code.ShouldBe("id.empty");

    [Fact]
    public void WhenSameGuid_IsEqual()
    {
        var guid = Guid.NewGuid();

        new OpportunityId(guid).ShouldBe(new OpportunityId(guid));
        OpportunityId.New().ShouldNotBe(OpportunityId.New());
    }
}
