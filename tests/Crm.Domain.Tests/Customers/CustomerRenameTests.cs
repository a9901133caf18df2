using Crm.Domain.Common;

namespace Crm.Domain.Tests.Customers;

public class CustomerRenameTests
{
    [Fact]
    public void WhenNewName_Renames()
    {
        var customer = new CustomerBuilder().Build();

        customer.Rename(" 上海顺达供应链管理有限公司 ");

        customer.Name.ShouldBe("上海顺达供应链管理有限公司");
        customer.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenSameName_ChangesNothing()
    {
        var customer = new CustomerBuilder().WithName("上海顺达物流有限公司").Build();

        customer.Rename("上海顺达物流有限公司");

        customer.Name.ShouldBe("上海顺达物流有限公司");
    }

    [Fact]
    public void WhenNameBlank_RefusesWithNameRequiredAndKeepsTheOldName()
    {
        var customer = new CustomerBuilder().WithName("上海顺达物流有限公司").Build();

        Should.Throw<DomainRuleViolation>(() => customer.Rename("")).Code.ShouldBe("customer.name-required");
        customer.Name.ShouldBe("上海顺达物流有限公司");
    }
}
