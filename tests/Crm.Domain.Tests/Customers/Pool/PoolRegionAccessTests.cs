using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Customers.Pool;

public class PoolRegionAccessTests
{
    private static readonly RegionId East = RegionId.New();
    private static readonly RegionId South = RegionId.New();
    private static readonly ShopId Tmall = ShopId.New();
    private static readonly ShopId Jd = ShopId.New();

    private static readonly PoolRegionAccess EastForTmall =
        PoolRegionAccess.Create(new Dictionary<RegionId, IReadOnlyCollection<ShopId>> { [East] = [Tmall] });

    [Fact]
    public void WhenARegionIsRestricted_OnlyRepsOfItsShopsMayWorkIt()
    {
        EastForTmall.Allows(East, [Tmall]).ShouldBeTrue();
        EastForTmall.Allows(East, [Jd, Tmall]).ShouldBeTrue();
        EastForTmall.Allows(East, [Jd]).ShouldBeFalse();
        EastForTmall.Allows(East, []).ShouldBeFalse();
    }

    [Fact]
    public void WhenARegionIsNotListed_EveryRepMayWorkIt() =>
        EastForTmall.Allows(South, [Jd]).ShouldBeTrue();

    [Fact]
    public void WhenACustomerHasNoRegion_EveryRepMayWorkIt() =>
        EastForTmall.Allows(null, [Jd]).ShouldBeTrue();

    [Fact]
    public void WhenARegionIsGivenNoShops_ItStaysOpenRatherThanClosedToEverybody()
    {
        var access = PoolRegionAccess.Create(new Dictionary<RegionId, IReadOnlyCollection<ShopId>> { [East] = [] });

        access.Allows(East, [Jd]).ShouldBeTrue();
        access.ShouldBe(PoolRegionAccess.Open);
        access.Restricted.ShouldBeEmpty();
    }

    [Fact]
    public void WhenTwoAccessListsNameTheSameShops_TheyAreEqual()
    {
        var again = PoolRegionAccess.Create(new Dictionary<RegionId, IReadOnlyCollection<ShopId>> { [East] = [Tmall, Tmall] });

        again.ShouldBe(EastForTmall);
        again.ShopsFor(East).ShouldBe([Tmall]);
        again.ShopsFor(South).ShouldBeEmpty();
        again.ShouldNotBe(PoolRegionAccess.Open);
    }
}
