using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class EmailAddressCreateTests
{
    [Fact]
    public void WhenAddressIsValid_KeepsIt()
    {
        EmailAddress.Create("rep1@demo.local").Value.ShouldBe("rep1@demo.local");
    }

    [Fact]
    public void WhenAddressHasSpacesAndCapitals_NormalisesToTrimmedLowercase()
    {
        var email = EmailAddress.Create("  Li.Wei@Huayu-Pallets.COM ");

        email.Value.ShouldBe("li.wei@huayu-pallets.com");
        email.ToString().ShouldBe("li.wei@huayu-pallets.com");
    }

    [Fact]
    public void WhenTwoAddressesDifferOnlyInCase_TheyAreEqual()
    {
        EmailAddress.Create("A@B.CN").ShouldBe(EmailAddress.Create("a@b.cn"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WhenAddressIsMissing_ViolatesEmailRequired(string? value)
    {
        RuleAssert.Violates(() => EmailAddress.Create(value), "email.required");
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@")]
    [InlineData("@demo.local")]
    [InlineData("admin@localhost")]
    [InlineData("Zhou Qiang <admin@demo.local>")]
    [InlineData("a@@demo.local")]
    public void WhenAddressIsMalformed_ViolatesEmailInvalid(string value)
    {
        var violation = RuleAssert.Violates(() => EmailAddress.Create(value), "email.invalid");

        violation.Arguments.ShouldBe([value]);
    }

    [Fact]
    public void WhenAddressIsLongerThanTheLimit_ViolatesEmailInvalid()
    {
        var value = new string('a', EmailAddress.MaxLength) + "@demo.local";

        RuleAssert.Violates(() => EmailAddress.Create(value), "email.invalid");
    }

    [Fact]
    public void WhenAddressIsExactlyAtTheLimit_IsAccepted()
    {
        const string domain = "@demo.local";
        var value = new string('a', EmailAddress.MaxLength - domain.Length) + domain;

        EmailAddress.Create(value).Value.Length.ShouldBe(EmailAddress.MaxLength);
    }
}
