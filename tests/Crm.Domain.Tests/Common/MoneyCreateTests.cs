using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class MoneyCreateTests
{
    [Fact]
    public void WhenNoCurrencyIsGiven_UsesCny()
    {
        var money = Money.Create(12.5m);

        money.Amount.ShouldBe(12.5m);
        money.Currency.ShouldBe("CNY");
        Money.DefaultCurrency.ShouldBe("CNY");
    }

    [Fact]
    public void WhenCurrencyIsLowercase_StoresItUppercase()
    {
        Money.Create(1m, "usd").Currency.ShouldBe("USD");
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(-7.5)]
    [InlineData(1234567.89)]
    public void WhenAmountHasAtMostTwoDecimals_IsAccepted(double amount)
    {
        var value = (decimal)amount;

        Money.Create(value).Amount.ShouldBe(value);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("10.125")]
    [InlineData("-0.009")]
    public void WhenAmountHasMoreThanTwoDecimals_ViolatesTooPrecise(string amount)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        RuleAssert.Violates(() => Money.Create(value), "money.too-precise");
    }

    [Fact]
    public void WhenTrailingZerosFollowTwoDecimals_IsAcceptedAndEqualsTheShortForm()
    {
        Money.Create(1.500m).ShouldBe(Money.Create(1.5m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("CN")]
    [InlineData("CNYY")]
    public void WhenCurrencyIsNotThreeCharacters_ViolatesCurrencyInvalid(string currency)
    {
        RuleAssert.Violates(() => Money.Create(1m, currency), "money.currency-invalid");
    }

    [Theory]
    [InlineData("123")]
    [InlineData("C$Y")]
    [InlineData(" CN")]
    public void WhenCurrencyIsNotThreeLetters_ViolatesCurrencyInvalid(string currency)
    {
        RuleAssert.Violates(() => Money.Create(1m, currency), "money.currency-invalid");
    }

    [Fact]
    public void WhenFormatted_ShowsTwoDecimalsAndTheCurrency()
    {
        Money.Create(1234.5m, "EUR").ToString().ShouldBe("1234.50 EUR");
    }
}
