using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Domain.Tests.Customers;

public class CustomerRegisterTests
{
    private static Customer Register(string name = "苏州华通仓储有限公司", string? phone = null) =>
        Customer.Register(CustomerId.New(), CustomerBuilder.Tenant, CustomerBuilder.Shop, name, phone, CustomerBuilder.Rep, CustomerBuilder.Now);

    [Fact]
    public void WhenValid_KeepsDetailsAndRaisesRegistered()
    {
        var id = CustomerId.New();

        var customer = Customer.Register(
            id, CustomerBuilder.Tenant, CustomerBuilder.Shop, "  苏州华通仓储有限公司 ", " +86 138-0013-8000 ", CustomerBuilder.Rep, CustomerBuilder.Now);

        customer.Id.ShouldBe(id);
        customer.TenantId.ShouldBe(CustomerBuilder.Tenant);
        customer.ShopId.ShouldBe(CustomerBuilder.Shop);
        customer.Name.ShouldBe("苏州华通仓储有限公司");
        customer.Phone.ShouldBe("+86 138-0013-8000");
        customer.OwnerId.ShouldBe(CustomerBuilder.Rep);
        customer.CreatedAt.ShouldBe(CustomerBuilder.Now);
        customer.Contacts.ShouldBeEmpty();
        customer.DomainEvents.ShouldHaveSingleItem().ShouldBe(
            new CustomerRegistered(id, CustomerBuilder.Tenant, CustomerBuilder.Shop, "苏州华通仓储有限公司", CustomerBuilder.Rep, CustomerBuilder.Now)
            {
                EventId = customer.DomainEvents.Single().EventId,
            });
    }

    [Fact]
    public void WhenNoOwner_IsInThePublicPool() =>
        Customer.Register(CustomerId.New(), CustomerBuilder.Tenant, CustomerBuilder.Shop, "宁波港联冷链", null, null, CustomerBuilder.Now)
            .OwnerId.ShouldBeNull();

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void WhenNameBlank_RefusesWithNameRequired(string name) =>
        Should.Throw<DomainRuleViolation>(() => Register(name)).Code.ShouldBe("customer.name-required");

    [Fact]
    public void WhenNameTooLong_RefusesWithNameTooLong() =>
        Should.Throw<DomainRuleViolation>(() => Register(new string('公', CustomerLimits.NameMaxLength + 1))).Code.ShouldBe("customer.name-too-long");

    [Theory]
    [InlineData("13800138000")]
    [InlineData("+86 138 0013 8000")]
    [InlineData("0512-6688-1234")]
    [InlineData("8")]
    public void WhenPhoneUsesDigitsPlusSpacesAndDashes_Keeps(string phone) =>
        Register(phone: phone).Phone.ShouldBe(phone);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenPhoneBlank_HasNoPhone(string? phone) =>
        Register(phone: phone).Phone.ShouldBeNull();

    [Theory]
    [InlineData("138-abc")]
    [InlineData("++86 138")]
    [InlineData("-138")]
    [InlineData("138-")]
    [InlineData("(021) 5566")]
    [InlineData("86+138")]
    public void WhenPhoneHasOtherCharacters_RefusesWithPhoneInvalid(string phone) =>
        Should.Throw<DomainRuleViolation>(() => Register(phone: phone)).Code.ShouldBe("customer.phone-invalid");

    [Fact]
    public void WhenPhoneTooLong_RefusesWithPhoneTooLong() =>
        Should.Throw<DomainRuleViolation>(() => Register(phone: new string('1', CustomerLimits.PhoneMaxLength + 1))).Code.ShouldBe("customer.phone-too-long");

    [Fact]
    public void WhenGuidIsEmpty_IdsRefuseWithIdEmpty()
    {
        Should.Throw<DomainRuleViolation>(() => new CustomerId(Guid.Empty)).Code.ShouldBe("id.empty");
        Should.Throw<DomainRuleViolation>(() => new ContactId(Guid.Empty)).Code.ShouldBe("id.empty");
    }
}
