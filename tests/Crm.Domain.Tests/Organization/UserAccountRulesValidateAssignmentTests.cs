using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class UserAccountRulesValidateAssignmentTests
{
    private static readonly ShopId Tmall = ShopId.New();
    private static readonly ShopId ForeignShop = ShopId.New();

    [Fact]
    public void WhenAssignmentIsValid_ReturnsTheTrimmedDisplayName()
    {
        var name = Validate("  Li Wei ", Roles.SalesRep, [Tmall], isHeadOffice: false);

        name.ShouldBe("Li Wei");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenDisplayNameIsMissing_ViolatesDisplayNameRequired(string? displayName)
    {
        RuleAssert.Violates(() => Validate(displayName, Roles.SalesRep, [Tmall], isHeadOffice: false), "user.display-name-required");
    }

    [Fact]
    public void WhenDisplayNameIsTooLong_ViolatesDisplayNameTooLong()
    {
        var displayName = new string('d', OrganizationLimits.DisplayNameMaxLength + 1);

        var violation = RuleAssert.Violates(() => Validate(displayName, Roles.SalesRep, [Tmall], isHeadOffice: false), "user.display-name-too-long");

        violation.Arguments.ShouldBe([OrganizationLimits.DisplayNameMaxLength]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("salesrep")]
    [InlineData("Owner")]
    public void WhenRoleIsUnknown_ViolatesRoleUnknown(string? role)
    {
        RuleAssert.Violates(() => Validate("Li Wei", role, [Tmall], isHeadOffice: false), "user.role-unknown");
    }

    [Fact]
    public void WhenUserOutsideHeadOfficeHasNoShop_ViolatesShopRequired()
    {
        RuleAssert.Violates(() => Validate("Li Wei", Roles.SalesRep, [], isHeadOffice: false), "user.shop-required");
    }

    [Fact]
    public void WhenHeadOfficeUserHasNoShop_IsAccepted()
    {
        Validate("Sun Li", Roles.Finance, [], isHeadOffice: true).ShouldBe("Sun Li");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WhenAShopBelongsToAnotherTenant_ViolatesShopUnknown(bool isHeadOffice)
    {
        RuleAssert.Violates(() => Validate("Li Wei", Roles.SalesRep, [Tmall, ForeignShop], isHeadOffice), "user.shop-unknown");
    }

    private static string Validate(string? displayName, string? role, ShopId[] shops, bool isHeadOffice) =>
        UserAccountRules.ValidateAssignment(displayName, role, shops, isHeadOffice, shop => shop == Tmall);
}
