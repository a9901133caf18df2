using System.Collections.Immutable;
using Crm.Domain.Organization;

namespace Crm.Web.Features.Shell;

[State.FeatureState]
public sealed record ShellState
{
    public bool IsDarkMode { get; init; }

    public bool IsDrawerOpen { get; init; } = true;

    /// <summary>The shops this user can see; head office chooses among them.</summary>
    public ImmutableList<ShopOption> Shops { get; init; } = [];

    /// <summary>Null means all visible shops.</summary>
    public ShopId? SelectedShopId { get; init; }
}

public sealed record ShopOption(ShopId Id, string Name);
