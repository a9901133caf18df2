using System.Text.RegularExpressions;
using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>
/// The rule for a phone number as people type it ("+86 138-0013-8000", "0512 6688 1234"): digits,
/// an optional leading plus, and spaces or dashes between digits. Blank means "no phone".
/// </summary>
public static partial class PhoneNumber
{
    public static string? Optional(string? value, string code)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.Length > CustomerLimits.PhoneMaxLength)
        {
            throw new DomainRuleViolation(
                code + "-too-long", $"A phone number must be at most {CustomerLimits.PhoneMaxLength} characters.", CustomerLimits.PhoneMaxLength);
        }

        if (!Pattern().IsMatch(trimmed))
        {
            throw new DomainRuleViolation(
                code + "-invalid", "A phone number uses digits, a leading +, spaces and dashes only.", trimmed);
        }

        return trimmed;
    }

    /// <summary>
    /// What "the same phone number" means: its digits only, with a leading China code (+86 or 0086)
    /// dropped from a mobile number, so "+86 138-0013-8000" and "13800138000" are one number.
    /// </summary>
    public static string? Key(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        if (digits.Length == 15 && digits.StartsWith("0086", StringComparison.Ordinal))
        {
            digits = digits[4..];
        }
        else if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal))
        {
            digits = digits[2..];
        }

        return digits.Length == 0 ? null : digits;
    }

    [GeneratedRegex(@"^\+?[0-9](?:[0-9 -]*[0-9])?$")]
    private static partial Regex Pattern();
}
