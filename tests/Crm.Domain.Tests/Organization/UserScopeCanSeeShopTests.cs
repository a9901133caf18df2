using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class UserScopeCanSeeShopTests
{
    private static readonly ShopId Tmall = ShopId.New();
    private static readonly ShopId Jd = ShopId.New();

    [Fact]
    public void WhenUserWorksAtHeadOffice_SeesEveryShop()
    {
        var scope = new UserScopeBuilder().InRole(Roles.Finance).AtHeadOffice().Build();

        scope.CanSeeShop(Tmall).ShouldBeTrue();
        scope.CanSeeShop(Jd).ShouldBeTrue();
    }

    [Fact]
    public void WhenUserIsAdmin_SeesEveryShopEvenOutsideHeadOffice()
    {
        var scope = new UserScopeBuilder().InRole(Roles.Admin).InShops(Tmall).Build();

        scope.IsAdmin.ShouldBeTrue();
        scope.CanSeeShop(Jd).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("SalesRep")]
    [InlineData("Dispatcher")]
    [InlineData("Technician")]
    [InlineData("Finance")]
    public void WhenUserIsInAShop_SeesOnlyTheirShops(string role)
    {
        var scope = new UserScopeBuilder().InRole(role).InShops(Tmall).Build();

        scope.CanSeeShop(Tmall).ShouldBeTrue();
        scope.CanSeeShop(Jd).ShouldBeFalse();
    }

    [Fact]
    public void WhenUserHasNoShopAndIsNotHeadOffice_SeesNoShop()
    {
        var scope = new UserScopeBuilder().InRole(Roles.SalesRep).Build();

        scope.CanSeeShop(Tmall).ShouldBeFalse();
    }
}
