namespace Crm.Web.Components;

public static class Initials
{
    /// <summary>Up to two initials for an avatar ("Li Wei" → "LW").</summary>
    public static string Of(string name) =>
        string.Concat(name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p[0]).Take(2));
}
