using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Components;

/// <summary>
/// The icons a board card shows, defined once per page as SVG symbols (in <c>App.razor</c>, outside the circuit) and
/// drawn with <c>&lt;use href="#crm-i-…"/&gt;</c>: a card then carries a short reference instead of a MudIcon
/// component and its path data, which keeps each circuit's render tree small and every move's render batch short.
/// </summary>
public static class IconSprite
{
    private static readonly (string Id, string Path)[] Symbols =
    [
        ("more", Icons.Material.Filled.MoreVert),
        ("event", Icons.Material.Outlined.Event),
        ("hourglass", Icons.Material.Outlined.HourglassEmpty),
        ("warning", Icons.Material.Filled.Warning),
        ("phone", Icons.Material.Outlined.Phone),
        ("unfold-more", Icons.Material.Filled.UnfoldMore),
        ("unfold-less", Icons.Material.Filled.UnfoldLess),
    ];

    private static readonly Dictionary<string, MarkupString> Uses = Symbols.ToDictionary(
        s => s.Id,
        s => new MarkupString($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-small\" focusable=\"false\" aria-hidden=\"true\"><use href=\"#crm-i-{s.Id}\"></use></svg>"));

    /// <summary>The hidden <c>&lt;svg&gt;</c> holding every symbol.</summary>
    public static MarkupString Markup { get; } = new(Build());

    /// <summary>A small icon drawing symbol <paramref name="id"/> of the sprite (one markup frame; an unknown id throws).</summary>
    public static MarkupString Use(string id) =>
        Uses.TryGetValue(id, out var use) ? use : throw new ArgumentException($"The icon sprite has no symbol '{id}'.", nameof(id));

    private static string Build()
    {
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"display:none\" aria-hidden=\"true\">");
        foreach (var (id, path) in Symbols)
        {
            svg.Append("<symbol id=\"crm-i-").Append(id).Append("\" viewBox=\"0 0 24 24\">").Append(path).Append("</symbol>");
        }

        return svg.Append("</svg>").ToString();
    }
}
