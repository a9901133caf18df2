using System.Collections.Immutable;

namespace Crm.Web.Features.Customers;

/// <summary>Tags as typed in one field: separated by commas (either width) or semicolons, blanks and repeats dropped.</summary>
public static class CustomerTags
{
    private static readonly char[] Separators = [',', '，', ';', '；'];

    public static ImmutableList<string> Parse(string? text) =>
        [.. (text ?? string.Empty)
            .Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)];
}
