using System.Net.Mail;

namespace Crm.Domain.Common;

public sealed record EmailAddress
{
    public const int MaxLength = 256;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static EmailAddress Create(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleViolation("email.required", "An email address is required.");
        }

        if (trimmed.Length > MaxLength
            || !MailAddress.TryCreate(trimmed, out var parsed)
            || parsed.Address != trimmed
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            throw new DomainRuleViolation("email.invalid", $"'{trimmed}' is not a valid email address.", trimmed);
        }

        return new EmailAddress(trimmed.ToLowerInvariant());
    }

    public override string ToString() => Value;
}
