using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;

namespace Crm.Domain.Tests.Customers;

public class CustomerProfileTests
{
    [Fact]
    public void UpdateProfile_TrimsAndDeduplicatesTags()
    {
        var customer = new CustomerBuilder().Build();

        customer.UpdateProfile(CustomerProfile.Default with { Tags = [" VIP ", "vip", "", "冷链"], Tier = CustomerTier.A });

        customer.Tags.ShouldBe(["VIP", "冷链"]);
        customer.Tier.ShouldBe(CustomerTier.A);
    }

    [Fact]
    public void UpdateProfile_BirthdayOnACompany_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().UpdateProfile(
            CustomerProfile.Default with { Birthday = new DateOnly(1980, 5, 1) })).Code.ShouldBe("customer.birthday-company");

    [Fact]
    public void UpdateProfile_BirthdayOnAPerson_IsKept()
    {
        var customer = new CustomerBuilder().Build();

        customer.UpdateProfile(CustomerProfile.Default with { Kind = CustomerKind.Person, Birthday = new DateOnly(1980, 5, 1) });

        customer.Birthday.ShouldBe(new DateOnly(1980, 5, 1));
    }

    [Fact]
    public void UpdateProfile_TooManyTags_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().UpdateProfile(
            CustomerProfile.Default with { Tags = [.. Enumerable.Range(1, CustomerLimits.MaxTags + 1).Select(i => $"t{i}")] }))
            .Code.ShouldBe("customer.too-many-tags");

    [Fact]
    public void UpdateProfile_UndefinedTier_IsRefused() =>
        Should.Throw<DomainRuleViolation>(() => new CustomerBuilder().Build().UpdateProfile(CustomerProfile.Default with { Tier = (CustomerTier)9 }))
            .Code.ShouldBe("pool.tier-invalid");

    [Fact]
    public void ChangeChatId_StoresItLowerCase()
    {
        var customer = new CustomerBuilder().Build();

        customer.ChangeChatId("  WangJianGuo_88 ");

        customer.ChatId.ShouldBe("wangjianguo_88");
    }
}
