using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers;

/// <summary>A person at a customer (buyer, warehouse manager, boss). Changed only through its <see cref="Customer"/>.</summary>
public sealed class Contact : Entity<ContactId>, ITenantOwned
{
    private Contact() => Name = string.Empty;

    internal Contact(ContactId id, TenantId tenantId, CustomerId customerId, string name, string? phone, string? title)
    {
        Id = id;
        TenantId = tenantId;
        CustomerId = customerId;
        Name = Guard.Text(name, CustomerLimits.ContactNameMaxLength, "contact.name", "A contact name");
        Phone = PhoneNumber.Optional(phone, "contact.phone");
        Title = OptionalTitle(title);
    }

    public TenantId TenantId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public string Name { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Job title (采购经理, 仓库主管), free text.</summary>
    public string? Title { get; private set; }

    /// <summary>Changes name, phone and title together; the same values change nothing.</summary>
    internal bool Edit(string name, string? phone, string? title)
    {
        var validName = Guard.Text(name, CustomerLimits.ContactNameMaxLength, "contact.name", "A contact name");
        var validPhone = PhoneNumber.Optional(phone, "contact.phone");
        var validTitle = OptionalTitle(title);
        if (validName == Name && validPhone == Phone && validTitle == Title)
        {
            return false;
        }

        (Name, Phone, Title) = (validName, validPhone, validTitle);
        return true;
    }

    private static string? OptionalTitle(string? title)
    {
        var trimmed = title?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return null;
        }

        return trimmed.Length > CustomerLimits.ContactTitleMaxLength
            ? throw new DomainRuleViolation(
                "contact.title-too-long", $"A job title must be at most {CustomerLimits.ContactTitleMaxLength} characters.", CustomerLimits.ContactTitleMaxLength)
            : trimmed;
    }
}
