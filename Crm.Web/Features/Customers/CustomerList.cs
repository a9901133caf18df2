using System.Collections.Immutable;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

/// <summary>
/// The list's search criteria; every one is optional and they combine with AND. Last follow-up
/// dates are whole UTC days, both ends included. <see cref="InPool"/> asks for customers without owner.
/// </summary>
public sealed record CustomerFilter(
    string? Name = null,
    string? Phone = null,
    CustomerTier? Tier = null,
    Guid? RegionId = null,
    Guid? OwnerId = null,
    bool InPool = false,
    string? Tag = null,
    DateOnly? FollowedUpFrom = null,
    DateOnly? FollowedUpTo = null)
{
    public bool IsEmpty => this == new CustomerFilter();
}

/// <summary>Sortable columns of the list.</summary>
public enum CustomerSort
{
    Name,
    Tier,
    LastFollowUp,
    Created,
}

public sealed record CustomerQuery(CustomerFilter Filter, int Page, int PageSize, CustomerSort Sort = CustomerSort.Name, bool Descending = false)
{
    public const int MaxPageSize = 100;
}

public sealed record CustomerRow(
    Guid Id,
    string Name,
    CustomerKind Kind,
    string? Phone,
    CustomerTier Tier,
    string? RegionName,
    string ShopName,
    Guid? OwnerId,
    string? OwnerName,
    ImmutableList<string> Tags,
    DateTimeOffset? LastFollowUpAt,
    ImmutableList<ContactOption> Contacts);

public sealed record ContactOption(Guid Id, string Name);

public sealed record CustomerPage(ImmutableList<CustomerRow> Rows, int Total);

/// <summary>The /customers list: one page of what the user may see, filtered and sorted in SQL.</summary>
public sealed class CustomerList(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser)
{
    public async Task<CustomerPage> QueryAsync(CustomerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customers = Filtered(db.Customers.AsNoTracking().Visible(scope), query.Filter);
        var total = await customers.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        var page = await Sorted(customers, query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);

        var names = await CustomerNames.LoadAsync(db, cancellationToken);
        var rows = page.Select(c => new CustomerRow(
            c.Id.Value,
            c.Name,
            c.Kind,
            c.Phone,
            c.Tier,
            names.Region(c.RegionId),
            names.Shop(c.ShopId),
            c.OwnerId?.Value,
            c.OwnerId is { } owner ? names.User(owner) : null,
            [.. c.Tags],
            c.LastFollowUpAt,
            [.. c.Contacts.OrderBy(k => k.Name, StringComparer.Ordinal).Select(k => new ContactOption(k.Id.Value, k.Name))]));
        return new CustomerPage([.. rows], total);
    }

    private static IQueryable<Customer> Filtered(IQueryable<Customer> customers, CustomerFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            customers = customers.Where(c => c.Name.Contains(name));
        }

        if (!string.IsNullOrWhiteSpace(filter.Phone))
        {
            var phone = filter.Phone.Trim();
            customers = customers.Where(c => c.Phone != null && c.Phone.Contains(phone));
        }

        if (filter.Tier is { } tier)
        {
            customers = customers.Where(c => c.Tier == tier);
        }

        if (filter.RegionId is { } regionGuid)
        {
            RegionId? region = new RegionId(regionGuid);
            customers = customers.Where(c => c.RegionId == region);
        }

        if (filter.InPool)
        {
            customers = customers.Where(c => c.OwnerId == null);
        }
        else if (filter.OwnerId is { } ownerGuid)
        {
            UserId? owner = new UserId(ownerGuid);
            customers = customers.Where(c => c.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Tag))
        {
            var tag = filter.Tag.Trim();
            customers = customers.Where(c => c.Tags.Contains(tag));
        }

        if (filter.FollowedUpFrom is { } from)
        {
            DateTimeOffset? start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            customers = customers.Where(c => c.LastFollowUpAt >= start);
        }

        if (filter.FollowedUpTo is { } to)
        {
            DateTimeOffset? end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            customers = customers.Where(c => c.LastFollowUpAt < end);
        }

        return customers;
    }

    private static IQueryable<Customer> Sorted(IQueryable<Customer> customers, CustomerSort sort, bool descending) => (sort, descending) switch
    {
        (CustomerSort.Tier, false) => customers.OrderBy(c => c.Tier).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.Tier, true) => customers.OrderByDescending(c => c.Tier).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.LastFollowUp, false) => customers.OrderBy(c => c.LastFollowUpAt).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.LastFollowUp, true) => customers.OrderByDescending(c => c.LastFollowUpAt).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.Created, false) => customers.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        (CustomerSort.Created, true) => customers.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id),
        (_, true) => customers.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
        _ => customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
    };
}

/// <summary>Names of the tenant's users, shops and regions, looked up once per request.</summary>
internal sealed class CustomerNames
{
    private readonly Dictionary<Guid, string> _users;
    private readonly Dictionary<ShopId, string> _shops;
    private readonly Dictionary<RegionId, string> _regions;

    private CustomerNames(Dictionary<Guid, string> users, Dictionary<ShopId, string> shops, Dictionary<RegionId, string> regions)
    {
        _users = users;
        _shops = shops;
        _regions = regions;
    }

    public static async Task<CustomerNames> LoadAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var shops = await db.Shops.AsNoTracking().Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        return new CustomerNames(users, shops, regions);
    }

    public string User(UserId id) => _users.GetValueOrDefault(id.Value, string.Empty);

    public string Shop(ShopId id) => _shops.GetValueOrDefault(id, string.Empty);

    public string? Region(RegionId? id) => id is { } r ? _regions.GetValueOrDefault(r) : null;
}
