using Crm.Domain.Common;

namespace Crm.Domain.Tests.Customers;

public class CustomerChangePhoneTests
{
    [Fact]
    public void WhenBlank_RemovesThePhone()
    {
        var customer = new CustomerBuilder().WithPhone("021-5566 7788").Build();

        customer.ChangePhone(null);

        customer.Phone.ShouldBeNull();
    }

    [Fact]
    public void WhenInvalid_RefusesWithPhoneInvalid() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().ChangePhone("call me")).Code.ShouldBe("customer.phone-invalid");
}
