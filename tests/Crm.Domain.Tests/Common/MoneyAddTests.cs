using Crm.Domain.Common;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Common;

public sealed class MoneyAddTests
{
    [Fact]
    public void WhenCurrenciesMatch_SumsTheAmounts()
    {
        var sum = Money.Create(10.25m).Add(Money.Create(0.75m));

        sum.ShouldBe(Money.Create(11m));
    }

    [Fact]
    public void WhenCurrenciesDiffer_ViolatesCurrencyMismatch()
    {
        RuleAssert.Violates(() => Money.Create(1m, "CNY").Add(Money.Create(1m, "USD")), "money.currency-mismatch");
    }

    [Fact]
    public void WhenAdded_LeavesBothOperandsUnchanged()
    {
        var left = Money.Create(1m);
        var right = Money.Create(2m);

        _ = left.Add(right);

        left.Amount.ShouldBe(1m);
        right.Amount.ShouldBe(2m);
    }
}
