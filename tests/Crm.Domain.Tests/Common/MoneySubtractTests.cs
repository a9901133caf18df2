using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class MoneySubtractTests
{
    [Fact]
    public void WhenCurrenciesMatch_SubtractsTheAmounts()
    {
        Money.Create(10m, "USD").Subtract(Money.Create(2.5m, "USD")).ShouldBe(Money.Create(7.5m, "USD"));
    }

    [Fact]
    public void WhenTheResultIsBelowZero_KeepsTheNegativeAmount()
    {
        Money.Create(1m).Subtract(Money.Create(3m)).Amount.ShouldBe(-2m);
    }

    [Fact]
    public void WhenCurrenciesDiffer_ViolatesCurrencyMismatch()
    {
        RuleAssert.Violates(() => Money.Create(5m, "EUR").Subtract(Money.Create(1m)), "money.currency-mismatch");
    }
}
