using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class UserScopeCanSeeOwnedTests
{
    private static readonly ShopId Tmall = ShopId.New();
    private static readonly ShopId Jd = ShopId.New();
    private static readonly UserId Me = UserId.New();
    private static readonly UserId Colleague = UserId.New();

    [Fact]
    public void WhenRepOwnsTheRecord_SeesIt()
    {
        var rep = new UserScopeBuilder().As(Me).InRole(Roles.SalesRep).InShops(Tmall).Build();

        rep.CanSeeOwned(Tmall, Me).ShouldBeTrue();
    }

    [Fact]
    public void WhenAColleagueOwnsTheRecord_RepDoesNotSeeIt()
    {
        var rep = new UserScopeBuilder().As(Me).InRole(Roles.SalesRep).InShops(Tmall).Build();

        rep.CanSeeOwned(Tmall, Colleague).ShouldBeFalse();
    }

    [Fact]
    public void WhenNobodyOwnsTheRecord_RepDoesNotSeeIt()
    {
        var rep = new UserScopeBuilder().As(Me).InRole(Roles.SalesRep).InShops(Tmall).Build();

        rep.CanSeeOwned(Tmall, null).ShouldBeFalse();
    }

    [Fact]
    public void WhenRepOwnsARecordOfAShopTheyLeft_DoesNotSeeIt()
    {
        var rep = new UserScopeBuilder().As(Me).InRole(Roles.SalesRep).InShops(Tmall).Build();

        rep.CanSeeOwned(Jd, Me).ShouldBeFalse();
    }

    [Fact]
    public void WhenManagerOfTheShop_SeesEveryRecordOfIt()
    {
        var manager = new UserScopeBuilder().As(Me).InRole(Roles.Manager).InShops(Tmall).Build();

        manager.CanSeeOwned(Tmall, Colleague).ShouldBeTrue();
        manager.CanSeeOwned(Tmall, null).ShouldBeTrue();
    }

    [Fact]
    public void WhenManagerOfAnotherShop_DoesNotSeeTheRecord()
    {
        var manager = new UserScopeBuilder().As(Me).InRole(Roles.Manager).InShops(Jd).Build();

        manager.CanSeeOwned(Tmall, Colleague).ShouldBeFalse();
    }

    [Fact]
    public void WhenManagerAtHeadOffice_SeesRecordsOfEveryShop()
    {
        var manager = new UserScopeBuilder().As(Me).InRole(Roles.Manager).AtHeadOffice().Build();

        manager.CanSeeOwned(Jd, Colleague).ShouldBeTrue();
    }

    [Fact]
    public void WhenAdmin_SeesEveryRecord()
    {
        var admin = new UserScopeBuilder().As(Me).InRole(Roles.Admin).Build();

        admin.CanSeeOwned(Jd, Colleague).ShouldBeTrue();
    }

    [Fact]
    public void WhenNonManagerAtHeadOffice_SeesOnlyOwnRecords()
    {
        var finance = new UserScopeBuilder().As(Me).InRole(Roles.Finance).AtHeadOffice().Build();

        finance.CanSeeOwned(Jd, Me).ShouldBeTrue();
        finance.CanSeeOwned(Jd, Colleague).ShouldBeFalse();
    }
}
