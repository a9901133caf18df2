using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantOpenShopTests
{
    private const string Subsidiary = "Huayu Plastics (Suzhou) Co., Ltd.";

    [Fact]
    public void WhenCodeIsFree_AddsTheShopToTheTenant()
    {
        var tenant = new TenantBuilder().Build();
        var shopId = ShopId.New();

        var shop = tenant.OpenShop(shopId, " Tmall Flagship ", "tmall", ShopKind.OnlineStore, Subsidiary, Moments.Now);

        shop.Id.ShouldBe(shopId);
        shop.TenantId.ShouldBe(tenant.Id);
        shop.Name.ShouldBe("Tmall Flagship");
        shop.Code.ShouldBe("tmall");
        shop.Kind.ShouldBe(ShopKind.OnlineStore);
        shop.Subsidiary.ShouldBe(Subsidiary);
        tenant.Shops.ShouldHaveSingleItem().ShouldBeSameAs(shop);
        tenant.HasShop(shopId).ShouldBeTrue();
    }

    [Fact]
    public void WhenOpened_RaisesShopOpened()
    {
        var tenant = new TenantBuilder().Build();
        var shopId = ShopId.New();

        tenant.OpenShop(shopId, "JD Store", "jd", ShopKind.Branch, Subsidiary, Moments.Later);

        var opened = tenant.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<ShopOpened>();
        opened.TenantId.ShouldBe(tenant.Id);
        opened.ShopId.ShouldBe(shopId);
        opened.Name.ShouldBe("JD Store");
        opened.OccurredAt.ShouldBe(Moments.Later);
    }

    [Theory]
    [InlineData("tmall")]
    [InlineData(" tmall ")]
    public void WhenCodeIsTaken_ViolatesShopCodeTakenAndAddsNothing(string code)
    {
        var tenant = new TenantBuilder().WithShop(ShopId.New(), "tmall").Build();

        var violation = RuleAssert.Violates(
            () => tenant.OpenShop(ShopId.New(), "Second Tmall", code, ShopKind.OnlineStore, Subsidiary, Moments.Now), "shop.code-taken");

        violation.Arguments.ShouldBe(["tmall"]);
        tenant.Shops.Count.ShouldBe(1);
        tenant.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenCodeDiffersOnlyInCase_IsRefusedBecauseCodesAreLowercase()
    {
        var tenant = new TenantBuilder().WithShop(ShopId.New(), "tmall").Build();

        RuleAssert.Violates(
            () => tenant.OpenShop(ShopId.New(), "Second Tmall", "TMALL", ShopKind.OnlineStore, Subsidiary, Moments.Now), "shop.code-invalid");

        tenant.Shops.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenAnotherTenantUsesTheCode_IsAccepted()
    {
        var other = new TenantBuilder().Named("Other", "other").WithShop(ShopId.New(), "main").Build();
        var tenant = new TenantBuilder().Build();

        tenant.OpenShop(ShopId.New(), "Main", "main", ShopKind.Branch, Subsidiary, Moments.Now);

        tenant.Shops.Single().Code.ShouldBe(other.Shops.Single().Code);
    }

    [Theory]
    [InlineData("", "shop.code-required")]
    [InlineData("Tmall", "shop.code-invalid")]
    [InlineData("t mall", "shop.code-invalid")]
    [InlineData("_tmall", "shop.code-invalid")]
    public void WhenCodeIsNotValid_ViolatesTheCodeRule(string code, string rule)
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.OpenShop(ShopId.New(), "Tmall", code, ShopKind.OnlineStore, Subsidiary, Moments.Now), rule);

        tenant.Shops.ShouldBeEmpty();
    }

    [Fact]
    public void WhenCodeIsTooLong_ViolatesCodeTooLong()
    {
        var tenant = new TenantBuilder().Build();
        var code = new string('t', OrganizationLimits.CodeMaxLength + 1);

        RuleAssert.Violates(() => tenant.OpenShop(ShopId.New(), "Tmall", code, ShopKind.OnlineStore, Subsidiary, Moments.Now), "shop.code-too-long");
    }

    [Fact]
    public void WhenNameIsMissing_ViolatesShopNameRequiredAndRaisesNothing()
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.OpenShop(ShopId.New(), " ", "tmall", ShopKind.OnlineStore, Subsidiary, Moments.Now), "shop.name-required");

        tenant.Shops.ShouldBeEmpty();
        tenant.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenNameIsTooLong_ViolatesShopNameTooLong()
    {
        var tenant = new TenantBuilder().Build();
        var name = new string('s', OrganizationLimits.NameMaxLength + 1);

        RuleAssert.Violates(() => tenant.OpenShop(ShopId.New(), name, "tmall", ShopKind.OnlineStore, Subsidiary, Moments.Now), "shop.name-too-long");
    }

    [Fact]
    public void WhenSubsidiaryIsMissing_ViolatesSubsidiaryRequired()
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.OpenShop(ShopId.New(), "Tmall", "tmall", ShopKind.OnlineStore, "", Moments.Now), "shop.subsidiary-required");

        tenant.Shops.ShouldBeEmpty();
    }
}
