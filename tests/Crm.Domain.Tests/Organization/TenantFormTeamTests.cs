using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantFormTeamTests
{
    private static readonly ShopId Tmall = ShopId.New();
    private static readonly ShopId Jd = ShopId.New();

    [Fact]
    public void WhenShopBelongsToTheTenant_FormsTheTeamInThatShop()
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();
        var id = TeamId.New();

        var team = tenant.FormTeam(id, " Tmall sales ", Tmall);

        team.Id.ShouldBe(id);
        team.TenantId.ShouldBe(tenant.Id);
        team.ShopId.ShouldBe(Tmall);
        team.Name.ShouldBe("Tmall sales");
        tenant.Teams.ShouldHaveSingleItem().ShouldBeSameAs(team);
    }

    [Fact]
    public void WhenShopIsUnknown_ViolatesTeamShopUnknown()
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();

        RuleAssert.Violates(() => tenant.FormTeam(TeamId.New(), "Sales", ShopId.New()), "team.shop-unknown");

        tenant.Teams.ShouldBeEmpty();
    }

    [Fact]
    public void WhenShopBelongsToAnotherTenant_ViolatesTeamShopUnknown()
    {
        var otherShop = ShopId.New();
        _ = new TenantBuilder().Named("Other", "other").WithShop(otherShop, "main").Build();
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();

        RuleAssert.Violates(() => tenant.FormTeam(TeamId.New(), "Sales", otherShop), "team.shop-unknown");
    }

    [Theory]
    [InlineData("Sales")]
    [InlineData("SALES")]
    [InlineData(" sales ")]
    public void WhenTheShopAlreadyHasTheName_ViolatesTeamNameTaken(string name)
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();
        tenant.FormTeam(TeamId.New(), "Sales", Tmall);

        RuleAssert.Violates(() => tenant.FormTeam(TeamId.New(), name, Tmall), "team.name-taken");

        tenant.Teams.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenAnotherShopHasTheName_IsAccepted()
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").WithShop(Jd, "jd").Build();
        tenant.FormTeam(TeamId.New(), "Sales", Tmall);

        tenant.FormTeam(TeamId.New(), "Sales", Jd);

        tenant.Teams.Select(t => t.ShopId).ShouldBe([Tmall, Jd]);
    }

    [Fact]
    public void WhenNameIsMissing_ViolatesTeamNameRequired()
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();

        RuleAssert.Violates(() => tenant.FormTeam(TeamId.New(), " ", Tmall), "team.name-required");
    }

    [Fact]
    public void WhenNameIsTooLong_ViolatesTeamNameTooLong()
    {
        var tenant = new TenantBuilder().WithShop(Tmall, "tmall").Build();

        RuleAssert.Violates(
            () => tenant.FormTeam(TeamId.New(), new string('t', OrganizationLimits.NameMaxLength + 1), Tmall), "team.name-too-long");
    }
}
