using System.Collections.Immutable;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

public sealed record CustomerDetails(
    Guid Id,
    long Version,
    CustomerKind Kind,
    string Name,
    string? Phone,
    string? ChatId,
    string? Industry,
    Guid? RegionId,
    string? RegionName,
    Guid ShopId,
    string ShopName,
    CustomerTier Tier,
    SourceChannel? Source,
    string? Dealer,
    ImmutableList<string> Tags,
    DateOnly? Birthday,
    Guid? OwnerId,
    string? OwnerName,
    DateTimeOffset CreatedAt);

/// <summary>The customer's place in the pool, shown read-only here (the pool page acts on it).</summary>
public sealed record PoolStateLine(DateTimeOffset? OwnedSince, DateTimeOffset? LastFollowUpAt, bool IsLocked, string? PoolReason, DateTimeOffset? PooledAt, string? FormerOwnerName);

public sealed record ContactLine(Guid Id, string Name, string? Phone, string? Title, DateTimeOffset? LastFollowUpAt);

/// <summary>One entry of the timeline: a customer follow-up (about a contact or the company) or one of an opportunity.</summary>
public sealed record TimelineEntry(
    Guid Id, DateTimeOffset At, string AuthorName, string Note, string? ContactName, Guid? OpportunityId, string? OpportunityTitle, FollowUpChannel? Channel);

public sealed record CustomerOpportunityLine(Guid Id, string Title, OpportunityStage Stage, decimal Amount, string OwnerName, DateOnly ExpectedClose);

public sealed record OwnershipLine(DateTimeOffset At, OwnershipChangeKind Kind, string? FromName, string? ToName, string? ActorName, string? Reason);

public sealed record CustomerProfileView(
    CustomerDetails Details,
    PoolStateLine Pool,
    ImmutableList<ContactLine> Contacts,
    ImmutableList<TimelineEntry> Timeline,
    ImmutableList<CustomerOpportunityLine> Opportunities,
    ImmutableList<OwnershipLine> Ownership);

/// <summary>Everything the profile page shows about one customer the user may see; null otherwise.</summary>
public sealed class CustomerProfileQuery(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser)
{
    public async Task<CustomerProfileView?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        if (id == Guid.Empty)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customerId = new CustomerId(id);
        var customer = await db.Customers.AsNoTracking().Visible(scope).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }

        var names = await CustomerNames.LoadAsync(db, cancellationToken);
        var followUps = await db.Set<CustomerFollowUp>().AsNoTracking().Where(f => f.CustomerId == customerId).ToListAsync(cancellationToken);
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => o.CustomerId == customerId).ToListAsync(cancellationToken);
        var contacts = customer.Contacts.ToDictionary(c => c.Id, c => c.Name);

        var timeline = followUps
            .Select(f => new TimelineEntry(
                f.Id.Value, f.At, names.User(f.AuthorId), f.Note, f.ContactId is { } c ? contacts.GetValueOrDefault(c) : null, null, null, null))
            .Concat(opportunities.SelectMany(o => o.FollowUps.Select(f => new TimelineEntry(
                f.Id.Value, f.At, names.User(f.ById), f.Note, o.ContactId is { } c ? contacts.GetValueOrDefault(c) : null, o.Id.Value, o.Title, f.Channel))))
            .OrderByDescending(e => e.At)
            .ThenBy(e => e.Id)
            .ToImmutableList();

        var details = new CustomerDetails(
            customer.Id.Value,
            customer.Version,
            customer.Kind,
            customer.Name,
            customer.Phone,
            customer.ChatId,
            customer.Industry,
            customer.RegionId?.Value,
            names.Region(customer.RegionId),
            customer.ShopId.Value,
            names.Shop(customer.ShopId),
            customer.Tier,
            customer.Source,
            customer.Dealer,
            [.. customer.Tags],
            customer.Birthday,
            customer.OwnerId?.Value,
            customer.OwnerId is { } owner ? names.User(owner) : null,
            customer.CreatedAt);
        var pool = new PoolStateLine(
            customer.OwnerId is null ? null : customer.OwnedSince,
            customer.LastFollowUpAt,
            customer.IsLocked,
            customer.PoolReason,
            customer.PooledAt,
            customer.FormerOwnerId is { } former ? names.User(former) : null);
        return new CustomerProfileView(
            details,
            pool,
            [.. customer.Contacts.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new ContactLine(
                c.Id.Value, c.Name, c.Phone, c.Title, followUps.Where(f => f.ContactId == c.Id).Select(f => (DateTimeOffset?)f.At).Max()))],
            timeline,
            [.. opportunities.OrderByDescending(o => o.CreatedAt).Select(o => new CustomerOpportunityLine(
                o.Id.Value, o.Title, o.Stage, o.Amount.Amount, names.User(o.OwnerId), o.ExpectedCloseDate))],
            [.. customer.OwnershipHistory.OrderByDescending(h => h.At).Select(h => new OwnershipLine(
                h.At,
                h.Kind,
                h.FromOwnerId is { } from ? names.User(from) : null,
                h.ToOwnerId is { } to ? names.User(to) : null,
                h.ActorId is { } actor ? names.User(actor) : null,
                h.Reason))]);
    }
}
