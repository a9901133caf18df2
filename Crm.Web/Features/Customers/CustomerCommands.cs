using Crm.Web.Components;
using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

/// <summary>What the customer form sends. Blank texts mean "none"; the domain validates the rest.</summary>
public sealed record CustomerInput(
    CustomerKind Kind,
    string? Name,
    string? Phone,
    string? ChatId,
    string? Industry,
    Guid? RegionId,
    Guid? ShopId,
    CustomerTier Tier,
    SourceChannel? Source,
    string? Dealer,
    ImmutableList<string> Tags,
    DateOnly? Birthday,
    Guid? OwnerId,
    ContactInput? FirstContact);

public sealed record ContactInput(string? Name, string? Phone, string? Title);

public sealed record FollowUpInput(Guid CustomerId, Guid? ContactId, string? Note);

/// <summary>The choices the customer form and the list's filters offer this user.</summary>
public sealed record CustomerOptions(
    ImmutableList<NamedOption> Shops, ImmutableList<NamedOption> Regions, ImmutableList<NamedOption> Reps, ImmutableList<string> Tags, bool IsManager);



/// <summary>
/// The customer use cases: create, edit, contacts, follow-ups. Each loads what the user may see
/// (else "not found"), calls the aggregate, and saves once; an edit carries the version the user saw.
/// </summary>
public sealed class CustomerCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<CustomerOptions> OptionsAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shops = (await db.Shops.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken))
            .Where(s => scope.CanSeeShop(s.Id))
            .Select(s => new NamedOption(s.Id.Value, s.Name));
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new NamedOption(r.Id.Value, r.Name)).ToListAsync(cancellationToken);
        var reps = await SalesReps.ListAsync(db, cancellationToken);
        var tags = (await db.Customers.AsNoTracking().Visible(scope).Select(c => c.Tags).ToListAsync(cancellationToken))
            .SelectMany(t => t)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new CustomerOptions([.. shops], [.. regions], reps, [.. tags], CustomerVisibility.IsManager(scope));
    }

    /// <summary>Registers a customer. A rep owns what they create; a manager chooses the owner or the pool.</summary>
    public async Task<Guid> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shop = input.ShopId is { } s && scope.CanSeeShop(new ShopId(s))
            ? new ShopId(s)
            : throw new DomainRuleViolation("customer.shop-required", "Choose the shop that serves the customer.");
        UserId? owner = scope.UserId;
        if (CustomerVisibility.IsManager(scope))
        {
            owner = input.OwnerId is { } o ? await RepAsync(db, o, cancellationToken) : null;
        }

        var now = clock.GetUtcNow();
        var customer = Customer.Register(CustomerId.New(), scope.TenantId, shop, input.Name ?? string.Empty, input.Phone, owner, now);
        Apply(customer, input);
        if (input.FirstContact is { Name: { Length: > 0 } } first)
        {
            customer.AddContact(ContactId.New(), first.Name, first.Phone, first.Title);
        }

        await CustomerDuplicatesCheck.EnsureNoneAsync(db, customer, cancellationToken);
        db.Customers.Add(customer);
        await SaveAsync(db, customer, cancellationToken);
        return customer.Id.Value;
    }

    public Task EditAsync(Guid id, long expectedVersion, CustomerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ChangeAsync(id, expectedVersion, async (db, customer) =>
        {
            customer.Rename(input.Name ?? string.Empty);
            customer.ChangePhone(input.Phone);
            Apply(customer, input);
            await CustomerDuplicatesCheck.EnsureNoneAsync(db, customer, cancellationToken);
        }, cancellationToken);
    }

    public Task AddContactAsync(Guid customerId, ContactInput contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return ChangeAsync(customerId, expectedVersion: null, (_, customer) =>
        {
            customer.AddContact(ContactId.New(), contact.Name ?? string.Empty, contact.Phone, contact.Title);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    public Task EditContactAsync(Guid customerId, Guid contactId, ContactInput contact, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return ChangeAsync(customerId, expectedVersion: null, (_, customer) =>
        {
            customer.EditContact(new ContactId(contactId), contact.Name ?? string.Empty, contact.Phone, contact.Title);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>Records a follow-up now, by the user; it restarts the customer's recycling clock. It adds history, so no version check.</summary>
    public async Task RecordFollowUpAsync(FollowUpInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await FindAsync(db, input.CustomerId, cancellationToken);
        var now = clock.GetUtcNow();
        var followUp = CustomerFollowUp.Record(
            CustomerFollowUpId.New(), customer, input.ContactId is { } c ? new ContactId(c) : null, scope.UserId, now, input.Note ?? string.Empty, now);
        db.Add(followUp);
        await SaveAsync(db, customer, cancellationToken);
    }

    private async Task ChangeAsync(Guid id, long? expectedVersion, Func<CrmDbContext, Customer, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = await FindAsync(db, id, cancellationToken);
        if (expectedVersion is { } expected && customer.Version != expected)
        {
            throw ChangedMeanwhile();
        }

        await change(db, customer);
        await SaveAsync(db, customer, cancellationToken);
    }

    private async Task<Customer> FindAsync(CrmDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var customerId = new CustomerId(id);
        return await db.Customers.Visible(currentUser.RequireScope()).SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken)
            ?? throw NotFound();
    }

    private static void Apply(Customer customer, CustomerInput input)
    {
        customer.UpdateProfile(new CustomerProfile(
            input.Kind,
            input.Industry,
            input.RegionId is { } r ? new RegionId(r) : null,
            input.Tier,
            input.Source,
            input.Dealer,
            input.Tags,
            input.Birthday));
        customer.ChangeChatId(input.ChatId);
    }

    private static async Task<UserId> RepAsync(CrmDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var reps = await SalesReps.ListAsync(db, cancellationToken);
        return reps.Exists(r => r.Id == id)
            ? new UserId(id)
            : throw new DomainRuleViolation("customer.owner-not-a-rep", "The owner must be a sales rep of the company.");
    }

    /// <summary>
    /// Saves; a unique index that refuses the row (someone registered the same phone or chat id a
    /// moment ago) is told like the check before it: naming that customer and its owner.
    /// </summary>
    private async Task SaveAsync(CrmDbContext db, Customer customer, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
        catch (DbUpdateException exception) when (CustomerDuplicatesCheck.IsUniqueViolation(exception))
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            await CustomerDuplicatesCheck.EnsureNoneAsync(fresh, customer, cancellationToken);
            throw;
        }
    }

    internal static DomainRuleViolation NotFound() => new("customer.not-found", "That customer does not exist.");

    private static DomainRuleViolation ChangedMeanwhile() =>
        new("customer.changed-meanwhile", "Someone changed this customer meanwhile. Your changes were not saved; reload to see theirs.");
}
