using Crm.Domain.Common;
using Crm.Domain.Customers;

namespace Crm.Domain.Tests.Customers;

public class CustomerDuplicatesTests
{
    private static readonly ExistingCustomer OnFile = new(CustomerId.New(), "上海顺达物流有限公司", "13800138000", "shunda_wang", "Li Wei");

    [Theory]
    [InlineData("138 0013 8000")]
    [InlineData("+86 138-0013-8000")]
    [InlineData("0086 13800138000")]
    public void SamePhoneWrittenDifferently_IsRefusedNamingCustomerAndOwner(string phone)
    {
        var refusal = Should.Throw<DomainRuleViolation>(() => CustomerDuplicates.EnsureNone(null, phone, null, [OnFile]));

        refusal.Code.ShouldBe("customer.duplicate-phone");
        refusal.Arguments.ShouldBe(["上海顺达物流有限公司", "Li Wei"]);
    }

    [Fact]
    public void SameChatIdInAnotherCase_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => CustomerDuplicates.EnsureNone(null, null, "Shunda_Wang", [OnFile])).Code.ShouldBe("customer.duplicate-chat");

    [Fact]
    public void DuplicateOfAPoolCustomer_SaysItIsInThePool() =>
        Should.Throw<DomainRuleViolation>(() => CustomerDuplicates.EnsureNone(null, "13800138000", null, [OnFile with { OwnerName = null }]))
            .Code.ShouldBe("customer.duplicate-phone-pool");

    [Fact]
    public void TheCustomerItself_IsNotADuplicate() =>
        Should.NotThrow(() => CustomerDuplicates.EnsureNone(OnFile.Id, "13800138000", "shunda_wang", [OnFile]));

    [Fact]
    public void OtherPhoneAndChat_Pass() =>
        Should.NotThrow(() => CustomerDuplicates.EnsureNone(null, "13900139000", "other", [OnFile]));

    [Fact]
    public void NoPhoneAndNoChat_NeverDuplicates() =>
        Should.NotThrow(() => CustomerDuplicates.EnsureNone(null, null, " ", [OnFile with { PhoneKey = null, ChatId = null }]));
}
