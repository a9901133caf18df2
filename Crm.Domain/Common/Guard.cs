namespace Crm.Domain.Common;

internal static class Guard
{
    public static string Text(string? value, int maxLength, string code, string what)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleViolation(code + "-required", $"{what} is required.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleViolation(code + "-too-long", $"{what} must be at most {maxLength} characters.", maxLength);
        }

        return trimmed;
    }

    public static Guid NotEmpty(Guid value, string typeName) =>
        value == Guid.Empty
            ? throw new DomainRuleViolation("id.empty", $"{typeName} cannot be empty.")
            : value;
}
