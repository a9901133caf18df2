using Crm.Domain.Common;

namespace Crm.Domain.Customers.Pool;

/// <summary>The five levels a tenant ranks its customers in; A is the most valuable. The tenant names them (<see cref="TierNames"/>).</summary>
public enum CustomerTier
{
    A = 1,
    B = 2,
    C = 3,
    D = 4,
    E = 5,
}

/// <summary>What a tenant calls each of the five <see cref="CustomerTier"/> levels.</summary>
public sealed record TierNames
{
    public const int MaxNameLength = 50;

    private readonly IReadOnlyDictionary<CustomerTier, string> names;

    private TierNames(IReadOnlyDictionary<CustomerTier, string> names) => this.names = names;

    /// <summary>The five tiers, best first.</summary>
    public static IReadOnlyList<CustomerTier> AllTiers { get; } =
        Array.AsReadOnly(Enum.GetValues<CustomerTier>());

    public static TierNames Default { get; } = new(AllTiers.ToDictionary(t => t, t => t.ToString()));

    public string NameOf(CustomerTier tier) => names[PoolGuard.Tier(tier)];

    public static TierNames Create(IReadOnlyDictionary<CustomerTier, string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (var tier in names.Keys)
        {
            PoolGuard.Tier(tier);
        }

        var trimmed = new Dictionary<CustomerTier, string>();
        foreach (var tier in AllTiers)
        {
            if (!names.TryGetValue(tier, out var name))
            {
                throw new DomainRuleViolation("pool-policy.tier-name-missing", $"Tier {tier} needs a name.", tier);
            }

            trimmed[tier] = Guard.Text(name, MaxNameLength, "pool-policy.tier-name", "A tier name");
        }

        if (trimmed.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != trimmed.Count)
        {
            throw new DomainRuleViolation("pool-policy.tier-name-duplicate", "Two tiers cannot have the same name.");
        }

        return new TierNames(trimmed);
    }

    public bool Equals(TierNames? other) =>
        other is not null && AllTiers.All(t => string.Equals(names[t], other.names[t], StringComparison.Ordinal));

    public override int GetHashCode() =>
        AllTiers.Aggregate(0, (hash, t) => HashCode.Combine(hash, StringComparer.Ordinal.GetHashCode(names[t])));
}

internal static class PoolGuard
{
    public static CustomerTier Tier(CustomerTier tier) =>
        Enum.IsDefined(tier)
            ? tier
            : throw new DomainRuleViolation("pool.tier-invalid", $"'{tier}' is not a valid customer tier.", tier);
}
