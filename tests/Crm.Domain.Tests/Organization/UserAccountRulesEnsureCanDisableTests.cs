using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class UserAccountRulesEnsureCanDisableTests
{
    private static readonly UserId Admin = UserId.New();
    private static readonly UserId Rep = UserId.New();
    private static readonly UserId OtherAdmin = UserId.New();

    [Fact]
    public void WhenAdminDisablesARep_IsAllowed()
    {
        Should.NotThrow(() => UserAccountRules.EnsureCanDisable(Admin, Rep, targetIsAdmin: false, activeAdminCount: 1));
    }

    [Fact]
    public void WhenAdminDisablesThemselves_ViolatesCannotDisableSelf()
    {
        RuleAssert.Violates(() => UserAccountRules.EnsureCanDisable(Admin, Admin, targetIsAdmin: true, activeAdminCount: 3), "user.cannot-disable-self");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void WhenTargetIsTheLastActiveAdmin_ViolatesLastAdmin(int activeAdminCount)
    {
        RuleAssert.Violates(() => UserAccountRules.EnsureCanDisable(Admin, OtherAdmin, targetIsAdmin: true, activeAdminCount), "user.last-admin");
    }

    [Fact]
    public void WhenAnotherAdminStaysActive_DisablingAnAdminIsAllowed()
    {
        Should.NotThrow(() => UserAccountRules.EnsureCanDisable(Admin, OtherAdmin, targetIsAdmin: true, activeAdminCount: 2));
    }
}
