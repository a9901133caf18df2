using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

internal static class EnumGuard
{
    public static TEnum Defined<TEnum>(TEnum value, string code, string what)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new DomainRuleViolation(code, $"'{value}' is not a valid {what}.", value);
}
