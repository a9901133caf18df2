using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class MoneyZeroTests
{
    [Fact]
    public void WhenNoCurrencyIsGiven_IsZeroCny()
    {
        Money.Zero().ShouldBe(Money.Create(0m, "CNY"));
    }

    [Fact]
    public void WhenCurrencyIsLowercase_AddsToMoneyOfThatCurrency()
    {
        var sum = Money.Zero("usd").Add(Money.Create(3m, "usd"));

        sum.ShouldBe(Money.Create(3m, "USD"));
    }

    [Fact]
    public void WhenCurrencyIsInvalid_ViolatesCurrencyInvalid()
    {
        RuleAssert.Violates(() => Money.Zero("x"), "money.currency-invalid");
    }
}
