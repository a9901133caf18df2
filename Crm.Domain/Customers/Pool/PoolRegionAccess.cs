using Crm.Domain.Organization;

namespace Crm.Domain.Customers.Pool;

/// <summary>
/// Who may see and claim the pool customers of which region: a region listed here is open only to the
/// reps of the listed shops; a region not listed (and customers without a region) is open to every rep.
/// Managers, head office and administrators see every region (they assign, they do not claim).
/// </summary>
public sealed record PoolRegionAccess
{
    private readonly IReadOnlyDictionary<RegionId, IReadOnlySet<ShopId>> shopsByRegion;

    private PoolRegionAccess(IReadOnlyDictionary<RegionId, IReadOnlySet<ShopId>> shopsByRegion) => this.shopsByRegion = shopsByRegion;

    public static PoolRegionAccess Open { get; } = new(new Dictionary<RegionId, IReadOnlySet<ShopId>>());

    /// <summary>The restricted regions and the shops whose reps may work each; open regions are not listed.</summary>
    public IReadOnlyDictionary<RegionId, IReadOnlySet<ShopId>> Restricted => shopsByRegion;

    /// <summary>An empty shop list leaves the region open (a region closed to everybody would be a pool nobody can reach).</summary>
    public static PoolRegionAccess Create(IReadOnlyDictionary<RegionId, IReadOnlyCollection<ShopId>>? shopsByRegion)
    {
        var copy = new Dictionary<RegionId, IReadOnlySet<ShopId>>();
        foreach (var (region, shops) in shopsByRegion ?? new Dictionary<RegionId, IReadOnlyCollection<ShopId>>())
        {
            if (shops is { Count: > 0 })
            {
                copy[region] = shops.ToHashSet();
            }
        }

        return new PoolRegionAccess(copy);
    }

    /// <summary>Whether a rep working for <paramref name="repShops"/> may see and claim pool customers of <paramref name="region"/>.</summary>
    public bool Allows(RegionId? region, IReadOnlyCollection<ShopId> repShops)
    {
        ArgumentNullException.ThrowIfNull(repShops);
        return region is not { } r || !shopsByRegion.TryGetValue(r, out var shops) || repShops.Any(shops.Contains);
    }

    /// <summary>The shops allowed in the region; empty when the region is open to all.</summary>
    public IReadOnlySet<ShopId> ShopsFor(RegionId region) =>
        shopsByRegion.TryGetValue(region, out var shops) ? shops : new HashSet<ShopId>();

    public bool Equals(PoolRegionAccess? other) =>
        other is not null
        && shopsByRegion.Count == other.shopsByRegion.Count
        && shopsByRegion.All(kv => other.shopsByRegion.TryGetValue(kv.Key, out var s) && s.SetEquals(kv.Value));

    public override int GetHashCode() => shopsByRegion.Count;
}
