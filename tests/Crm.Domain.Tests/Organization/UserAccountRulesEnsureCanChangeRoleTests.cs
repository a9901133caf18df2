using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class UserAccountRulesEnsureCanChangeRoleTests
{
    [Fact]
    public void WhenTheLastAdminIsDemoted_ViolatesLastAdmin()
    {
        RuleAssert.Violates(() => UserAccountRules.EnsureCanChangeRole(targetIsAdmin: true, Roles.Manager, activeAdminCount: 1), "user.last-admin");
    }

    [Fact]
    public void WhenTheLastAdminKeepsTheAdminRole_IsAllowed()
    {
        Should.NotThrow(() => UserAccountRules.EnsureCanChangeRole(targetIsAdmin: true, Roles.Admin, activeAdminCount: 1));
    }

    [Fact]
    public void WhenAnotherAdminStaysActive_DemotingAnAdminIsAllowed()
    {
        Should.NotThrow(() => UserAccountRules.EnsureCanChangeRole(targetIsAdmin: true, Roles.SalesRep, activeAdminCount: 2));
    }

    [Fact]
    public void WhenTargetIsNotAnAdmin_AnyRoleChangeIsAllowed()
    {
        Should.NotThrow(() => UserAccountRules.EnsureCanChangeRole(targetIsAdmin: false, Roles.Technician, activeAdminCount: 1));
    }
}
