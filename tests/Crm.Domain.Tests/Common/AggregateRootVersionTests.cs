using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class AggregateRootVersionTests
{
    [Fact]
    public void WhenIncremented_GoesUpByOne()
    {
        var tenant = new TenantBuilder().Build();

        tenant.IncrementVersion();
        tenant.IncrementVersion();

        tenant.Version.ShouldBe(2);
    }

    [Fact]
    public void WhenEventsAreCleared_NoneRemain()
    {
        var tenant = new TenantBuilder().Build();
        tenant.Rename("Renamed");
        tenant.OpenShop(Crm.Domain.Organization.ShopId.New(), "Tmall", "tmall", Crm.Domain.Organization.ShopKind.OnlineStore, "Huayu", Moments.Now);
        tenant.DomainEvents.ShouldNotBeEmpty();

        tenant.ClearDomainEvents();

        tenant.DomainEvents.ShouldBeEmpty();
    }
}
