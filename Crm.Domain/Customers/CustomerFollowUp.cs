using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers;

public readonly record struct CustomerFollowUpId
{
    public CustomerFollowUpId(Guid value) => Value = Guard.NotEmpty(value, nameof(CustomerFollowUpId));

    public Guid Value { get; }

    public static CustomerFollowUpId New() => new(Guid.NewGuid());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// One contact with a customer, outside any opportunity: a call to the buyer, a visit to the
/// warehouse. Each contact of the customer is followed up on its own (<see cref="ContactId"/>);
/// none means the company as a whole. Recorded follow-ups are history: they never change.
/// </summary>
public sealed class CustomerFollowUp : Entity<CustomerFollowUpId>, ITenantOwned
{
    private CustomerFollowUp() => Note = string.Empty;

    public TenantId TenantId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public ContactId? ContactId { get; private set; }

    public UserId AuthorId { get; private set; }

    /// <summary>When the contact happened (may be earlier than <see cref="RecordedAt"/>).</summary>
    public DateTimeOffset At { get; private set; }

    public string Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>
    /// Records a follow-up of <paramref name="customer"/> (of one of its contacts when given) and
    /// tells the customer, which restarts its recycling clock. Refused in the future, for a contact
    /// of another customer, and without a note.
    /// </summary>
    public static CustomerFollowUp Record(
        CustomerFollowUpId id, Customer customer, ContactId? contactId, UserId author, DateTimeOffset at, string note, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        if (contactId is { } contact && !customer.HasContact(contact))
        {
            throw new DomainRuleViolation("customer.contact-unknown", "That contact does not belong to this customer.");
        }

        if (at > now)
        {
            throw new DomainRuleViolation("followup.in-future", "A follow-up is recorded after it happened, not before.");
        }

        var followUp = new CustomerFollowUp
        {
            Id = id,
            TenantId = customer.TenantId,
            CustomerId = customer.Id,
            ContactId = contactId,
            AuthorId = author,
            At = at,
            Note = Guard.Text(note, CustomerLimits.FollowUpNoteMaxLength, "customer-follow-up.note", "A follow-up note"),
            RecordedAt = now,
        };
        customer.RecordFollowUp(at);
        return followUp;
    }
}
