using System.Text.RegularExpressions;
using Crm.Domain.Common;

namespace Crm.Domain.Organization;

/// <summary>One company using Crm. Its shops, teams and regions live inside it.</summary>
public sealed partial class Tenant : AggregateRoot<TenantId>
{
    private readonly List<Shop> _shops = [];
    private readonly List<Team> _teams = [];
    private readonly List<Region> _regions = [];

    private Tenant()
    {
        Name = string.Empty;
        Code = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>Short, URL-safe, unique across Crm.</summary>
    public string Code { get; private set; }

    public IReadOnlyCollection<Shop> Shops => _shops.AsReadOnly();

    public IReadOnlyCollection<Team> Teams => _teams.AsReadOnly();

    public IReadOnlyCollection<Region> Regions => _regions.AsReadOnly();

    /// <summary>The company's own pipeline rules; null while it uses the defaults.</summary>
    public Opportunities.PipelineSettings? CustomPipeline { get; private set; }

    /// <summary>The pipeline rules in force: the company's own, or the defaults.</summary>
    public Opportunities.PipelineSettings Pipeline => CustomPipeline ?? Opportunities.PipelineSettings.Default;

    /// <summary>The company's own public-pool rules; null while it uses the defaults.</summary>
    public Customers.Pool.PoolPolicy? CustomPool { get; private set; }

    public Customers.Pool.PoolPolicy Pool => CustomPool ?? Customers.Pool.PoolPolicy.Default;

    /// <summary>The company's own service-level hours per work-order priority; null while it uses the defaults.</summary>
    public Service.SlaPolicy? CustomSla { get; private set; }

    /// <summary>The service-level hours in force: the company's own, or the defaults.</summary>
    public Service.SlaPolicy Sla => CustomSla ?? Service.SlaPolicy.Default;

    public static Tenant Create(TenantId id, string name, string code, DateTimeOffset now)
    {
        var tenant = new Tenant
        {
            Id = id,
            Name = Guard.Text(name, OrganizationLimits.NameMaxLength, "tenant.name", "A company name"),
            Code = ValidCode(code, "tenant.code"),
        };
        tenant.Raise(new TenantCreated(id, tenant.Name, now));
        return tenant;
    }

    public void Rename(string name)
    {
        var valid = Guard.Text(name, OrganizationLimits.NameMaxLength, "tenant.name", "A company name");
        if (valid == Name)
        {
            return;
        }

        Name = valid;
    }

    public Shop OpenShop(ShopId id, string name, string code, ShopKind kind, string subsidiary, DateTimeOffset now)
    {
        var validCode = ValidCode(code, "shop.code");
        if (_shops.Exists(s => string.Equals(s.Code, validCode, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleViolation("shop.code-taken", $"A shop with the code '{validCode}' already exists.", validCode);
        }

        var shop = new Shop(id, Id, name, validCode, kind, subsidiary);
        _shops.Add(shop);
        Raise(new ShopOpened(Id, id, shop.Name, now));
        return shop;
    }

    public Region AddRegion(RegionId id, string name, string code)
    {
        var validCode = ValidCode(code, "region.code");
        if (_regions.Exists(r => string.Equals(r.Code, validCode, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleViolation("region.code-taken", $"A region with the code '{validCode}' already exists.", validCode);
        }

        var region = new Region(id, Id, name, validCode);
        _regions.Add(region);
        return region;
    }

    public Team FormTeam(TeamId id, string name, ShopId shopId)
    {
        if (!_shops.Exists(s => s.Id == shopId))
        {
            throw new DomainRuleViolation("team.shop-unknown", "A team belongs to a shop of this company.");
        }

        var team = new Team(id, Id, name, shopId);
        if (_teams.Exists(t => t.ShopId == shopId && string.Equals(t.Name, team.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainRuleViolation("team.name-taken", $"The shop already has a team named '{team.Name}'.", team.Name);
        }

        _teams.Add(team);
        return team;
    }

    /// <summary>Sets the stage probabilities, blueprint, scoring and stale period of the company's pipeline.</summary>
    public void ConfigurePipeline(Opportunities.PipelineSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings == Pipeline)
        {
            return;
        }

        CustomPipeline = settings == Opportunities.PipelineSettings.Default ? null : settings;
        Raise(new PipelineConfigured(Id, now));
    }

    /// <summary>Sets the recycling clocks, locks, cool-down, claim limits and capacities of the company's public pool.</summary>
    public void ConfigurePool(Customers.Pool.PoolPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy == Pool)
        {
            return;
        }

        CustomPool = policy == Customers.Pool.PoolPolicy.Default ? null : policy;
        Raise(new PoolConfigured(Id, now));
    }

    /// <summary>
    /// Sets how many hours each work-order priority is given. New work orders are due by the new hours;
    /// the due time of an open one was fixed when it was opened and stays.
    /// </summary>
    public void ConfigureSla(Service.SlaPolicy sla, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sla);
        if (sla == Sla)
        {
            return;
        }

        CustomSla = sla == Service.SlaPolicy.Default ? null : sla;
        Raise(new SlaConfigured(Id, now));
    }

    public bool HasShop(ShopId shopId) => _shops.Exists(s => s.Id == shopId);

    private static string ValidCode(string? code, string rule)
    {
        var valid = Guard.Text(code, OrganizationLimits.CodeMaxLength, rule, "A code");
        if (!CodePattern().IsMatch(valid))
        {
            throw new DomainRuleViolation(rule + "-invalid", "A code uses lowercase letters, digits and dashes only.");
        }

        return valid;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}

public enum ShopKind
{
    Branch,
    OnlineStore,
}

public sealed record TenantCreated(TenantId TenantId, string Name, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record ShopOpened(TenantId TenantId, ShopId ShopId, string Name, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record PipelineConfigured(TenantId TenantId, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record PoolConfigured(TenantId TenantId, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

public sealed record SlaConfigured(TenantId TenantId, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
