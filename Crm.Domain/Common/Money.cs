using System.Globalization;

namespace Crm.Domain.Common;

/// <summary>An amount in one currency. CNY unless said otherwise.</summary>
public sealed record Money
{
    public const string DefaultCurrency = "CNY";
    public const int CurrencyLength = 3;
    public const int Precision = 18;
    public const int Scale = 2;

    private Money(decimal amount, string currency)
    {
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    public string Currency { get; }

    public static Money Zero(string currency = DefaultCurrency) => Create(0m, currency);

    public static Money Create(decimal amount, string currency = DefaultCurrency)
    {
        if (currency is null || currency.Length != CurrencyLength || !currency.All(char.IsAsciiLetter))
        {
            throw new DomainRuleViolation("money.currency-invalid", "A currency is a three-letter ISO code.");
        }

        if (decimal.Round(amount, Scale) != amount)
        {
            throw new DomainRuleViolation("money.too-precise", "An amount has at most two decimals.");
        }

        return new Money(amount, currency.ToUpperInvariant());
    }

    public Money Add(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(Amount + other.Amount, Currency);
    }

    public Money Subtract(Money other)
    {
        EnsureSameCurrency(other);
        return new Money(Amount - other.Amount, Currency);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private void EnsureSameCurrency(Money other)
    {
        if (other.Currency != Currency)
        {
            throw new DomainRuleViolation("money.currency-mismatch", $"Cannot combine {Currency} with {other.Currency}.");
        }
    }
}
