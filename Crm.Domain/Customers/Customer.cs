using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers;

/// <summary>
/// A company that buys (or may buy) from the tenant, served by one shop. An owner is the sales rep
/// who holds it; a customer without owner sits in the public pool.
/// </summary>
public sealed class Customer : AggregateRoot<CustomerId>, ITenantOwned
{
    private readonly List<Contact> _contacts = [];

    private Customer() => Name = string.Empty;

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public string Name { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The sales rep who holds the customer; null means it is in the public pool.</summary>
    public UserId? OwnerId { get; private set; }

    public IReadOnlyCollection<Contact> Contacts => _contacts.AsReadOnly();

    public DateTimeOffset CreatedAt { get; private set; }

    public static Customer Register(
        CustomerId id, TenantId tenantId, ShopId shopId, string name, string? phone, UserId? ownerId, DateTimeOffset now)
    {
        var customer = new Customer
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            Name = ValidName(name),
            Phone = PhoneNumber.Optional(phone, "customer.phone"),
            OwnerId = ownerId,
            CreatedAt = now,
        };
        customer.Raise(new CustomerRegistered(id, tenantId, shopId, customer.Name, ownerId, now));
        return customer;
    }

    public Contact AddContact(ContactId id, string name, string? phone, string? title)
    {
        if (_contacts.Exists(c => c.Id == id))
        {
            throw new DomainRuleViolation("customer.contact-duplicate", "This contact has already been added.");
        }

        var contact = new Contact(id, TenantId, Id, name, phone, title);
        _contacts.Add(contact);
        return contact;
    }

    public bool HasContact(ContactId id) => _contacts.Exists(c => c.Id == id);

    public void Rename(string name)
    {
        var valid = ValidName(name);
        if (valid == Name)
        {
            return;
        }

        Name = valid;
    }

    public void ChangePhone(string? phone)
    {
        var valid = PhoneNumber.Optional(phone, "customer.phone");
        if (valid == Phone)
        {
            return;
        }

        Phone = valid;
    }

    private static string ValidName(string? name) =>
        Guard.Text(name, CustomerLimits.NameMaxLength, "customer.name", "A customer name");
}

public sealed record CustomerRegistered(
    CustomerId CustomerId, TenantId TenantId, ShopId ShopId, string Name, UserId? OwnerId, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
