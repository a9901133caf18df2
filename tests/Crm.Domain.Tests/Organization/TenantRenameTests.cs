using Crm.Domain.Organization;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Organization;

public sealed class TenantRenameTests
{
    [Fact]
    public void WhenNameIsValid_TakesTheTrimmedName()
    {
        var tenant = new TenantBuilder().Build();

        tenant.Rename("  Huayu Group ");

        tenant.Name.ShouldBe("Huayu Group");
    }

    [Fact]
    public void WhenNameIsEmpty_ViolatesNameRequiredAndKeepsTheOldName()
    {
        var tenant = new TenantBuilder().Named("Huayu Pallets", "huayu").Build();

        RuleAssert.Violates(() => tenant.Rename(" "), "tenant.name-required");

        tenant.Name.ShouldBe("Huayu Pallets");
    }

    [Fact]
    public void WhenNameIsTooLong_ViolatesNameTooLong()
    {
        var tenant = new TenantBuilder().Build();

        RuleAssert.Violates(() => tenant.Rename(new string('x', OrganizationLimits.NameMaxLength + 1)), "tenant.name-too-long");
    }

    [Fact]
    public void WhenNameIsUnchanged_RaisesNothingAndKeepsTheVersion()
    {
        var tenant = new TenantBuilder().Named("Huayu Pallets", "huayu").Build();

        tenant.Rename("Huayu Pallets");

        tenant.Name.ShouldBe("Huayu Pallets");
        tenant.DomainEvents.ShouldBeEmpty();
        tenant.Version.ShouldBe(0);
    }
}
