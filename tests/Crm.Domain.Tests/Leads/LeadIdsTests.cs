using Crm.Domain.Leads;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Leads;

public class LeadIdsTests
{
    [Fact]
    public void WhenLeadIdIsEmpty_RefusesWithIdEmpty() =>
        RuleAssert.Violates(() => new LeadId(Guid.Empty), "id.empty");

    [Fact]
    public void WhenStatusChangeIdIsEmpty_RefusesWithIdEmpty() =>
        RuleAssert.Violates(() => new LeadStatusChangeId(Guid.Empty), "id.empty");

    [Fact]
    public void WhenNewIdsAreMade_TheyDiffer() =>
        LeadId.New().ShouldNotBe(LeadId.New());
}
