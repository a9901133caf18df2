using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantCreateTests
{
    [Fact]
    public void WhenNameAndCodeAreValid_CreatesAnEmptyTenantAtVersionZero()
    {
        var id = TenantId.New();

        var tenant = Tenant.Create(id, "  Huayu Pallets ", " huayu ", Moments.Now);

        tenant.Id.ShouldBe(id);
        tenant.Name.ShouldBe("Huayu Pallets");
        tenant.Code.ShouldBe("huayu");
        tenant.Version.ShouldBe(0);
        tenant.Shops.ShouldBeEmpty();
        tenant.Teams.ShouldBeEmpty();
        tenant.Regions.ShouldBeEmpty();
    }

    [Fact]
    public void WhenCreated_RaisesTenantCreated()
    {
        var id = TenantId.New();

        var tenant = Tenant.Create(id, "Huayu Pallets", "huayu", Moments.Now);

        var created = tenant.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<TenantCreated>();
        created.TenantId.ShouldBe(id);
        created.Name.ShouldBe("Huayu Pallets");
        created.OccurredAt.ShouldBe(Moments.Now);
        created.EventId.ShouldNotBe(Guid.Empty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenNameIsMissing_ViolatesNameRequired(string? name)
    {
        RuleAssert.Violates(() => Tenant.Create(TenantId.New(), name!, "huayu", Moments.Now), "tenant.name-required");
    }

    [Fact]
    public void WhenNameIsLongerThanTheLimit_ViolatesNameTooLong()
    {
        var name = new string('n', OrganizationLimits.NameMaxLength + 1);

        var violation = RuleAssert.Violates(() => Tenant.Create(TenantId.New(), name, "huayu", Moments.Now), "tenant.name-too-long");

        violation.Arguments.ShouldBe([OrganizationLimits.NameMaxLength]);
    }

    [Fact]
    public void WhenNameIsExactlyAtTheLimit_IsAccepted()
    {
        var name = new string('n', OrganizationLimits.NameMaxLength);

        Tenant.Create(TenantId.New(), name, "huayu", Moments.Now).Name.ShouldBe(name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WhenCodeIsMissing_ViolatesCodeRequired(string code)
    {
        RuleAssert.Violates(() => Tenant.Create(TenantId.New(), "Huayu", code, Moments.Now), "tenant.code-required");
    }

    [Fact]
    public void WhenCodeIsLongerThanTheLimit_ViolatesCodeTooLong()
    {
        var code = new string('c', OrganizationLimits.CodeMaxLength + 1);

        RuleAssert.Violates(() => Tenant.Create(TenantId.New(), "Huayu", code, Moments.Now), "tenant.code-too-long");
    }

    [Theory]
    [InlineData("Huayu")]
    [InlineData("hua yu")]
    [InlineData("-huayu")]
    [InlineData("hua_yu")]
    [InlineData("华宇")]
    [InlineData("huayu.com")]
    public void WhenCodeIsNotLowercaseLettersDigitsAndDashes_ViolatesCodeInvalid(string code)
    {
        RuleAssert.Violates(() => Tenant.Create(TenantId.New(), "Huayu", code, Moments.Now), "tenant.code-invalid");
    }

    [Theory]
    [InlineData("huayu")]
    [InlineData("huayu-2")]
    [InlineData("9to5")]
    [InlineData("a")]
    public void WhenCodeUsesLowercaseLettersDigitsAndDashes_IsAccepted(string code)
    {
        Tenant.Create(TenantId.New(), "Huayu", code, Moments.Now).Code.ShouldBe(code);
    }
}
