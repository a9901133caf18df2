using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantAddRegionTests
{
    [Fact]
    public void WhenCodeIsFree_AddsTheRegionToTheTenant()
    {
        var tenant = new TenantBuilder().Build();
        var id = RegionId.New();

        var region = tenant.AddRegion(id, " East China ", "east");

        region.Id.ShouldBe(id);
        region.TenantId.ShouldBe(tenant.Id);
        region.Name.ShouldBe("East China");
        region.Code.ShouldBe("east");
        tenant.Regions.ShouldHaveSingleItem().ShouldBeSameAs(region);
    }

    [Theory]
    [InlineData("east")]
    [InlineData("  east")]
    public void WhenCodeIsTaken_ViolatesRegionCodeTaken(string code)
    {
        var tenant = new TenantBuilder().Build();
        tenant.AddRegion(RegionId.New(), "East China", "east");

        var violation = RuleAssert.Violates(() => tenant.AddRegion(RegionId.New(), "East again", code), "region.code-taken");

        violation.Arguments.ShouldBe(["east"]);
        tenant.Regions.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(" ", "region.code-required")]
    [InlineData("East", "region.code-invalid")]
    [InlineData("east/1", "region.code-invalid")]
    public void WhenCodeIsNotValid_ViolatesTheCodeRule(string code, string rule)
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.AddRegion(RegionId.New(), "East China", code), rule);

        tenant.Regions.ShouldBeEmpty();
    }

    [Fact]
    public void WhenNameIsMissing_ViolatesRegionNameRequired()
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.AddRegion(RegionId.New(), "", "east"), "region.name-required");

        tenant.Regions.ShouldBeEmpty();
    }
}
