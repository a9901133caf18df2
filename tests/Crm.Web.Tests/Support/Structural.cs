using System.Collections;
using System.Reflection;

namespace Crm.Web.Tests.Support;

/// <summary>
/// Value equality that looks into collections: record equality compares ImmutableList members by reference,
/// so two reducer runs that each build a new, equal list would look different.
/// </summary>
public static class Structural
{
    public static bool Equivalent(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || left.GetType() != right.GetType())
        {
            return false;
        }

        if (left is string || left.GetType().IsPrimitive || left.GetType().IsEnum)
        {
            return left.Equals(right);
        }

        if (left is IEnumerable leftItems && right is IEnumerable rightItems)
        {
            var l = leftItems.Cast<object?>().ToList();
            var r = rightItems.Cast<object?>().ToList();
            return l.Count == r.Count && l.Zip(r).All(pair => Equivalent(pair.First, pair.Second));
        }

        if (left.GetType().Namespace?.StartsWith("Crm.", StringComparison.Ordinal) == true && left.GetType().IsClass)
        {
            return left.GetType()
                .GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Where(p => p.GetIndexParameters().Length == 0)
                .All(p => Equivalent(p.GetValue(left), p.GetValue(right)));
        }

        return left.Equals(right);
    }
}
