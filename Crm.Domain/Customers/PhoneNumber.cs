using System.Text.RegularExpressions;
using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>
/// The rule for a phone number as people type it ("+86 138-0013-8000", "0512 6688 1234"): digits,
/// an optional leading plus, and spaces or dashes between digits. Blank means "no phone".
/// </summary>
internal static partial class PhoneNumber
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

    [GeneratedRegex(@"^\+?[0-9](?:[0-9 -]*[0-9])?$")]
    private static partial Regex Pattern();
}
