using Crm.Domain.Common;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Customers;

/// <summary>
/// A company or person that buys (or may buy) from the tenant, served by one shop. An owner is the
/// sales rep who holds it and follows it up; a customer without owner sits in the public pool (公海)
/// for others to claim. Every change of hands is kept in <see cref="OwnershipHistory"/>, and the
/// customer keeps its contacts, follow-ups and opportunities whoever holds it.
/// </summary>
public sealed class Customer : AggregateRoot<CustomerId>, ITenantOwned
{
    private readonly List<Contact> _contacts = [];
    private readonly List<CustomerOwnershipChange> _ownershipHistory = [];
    private List<string> _tags = [];

    private Customer() => Name = string.Empty;

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public string Name { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The phone's digits (a leading +86 dropped): what "the same phone" means. Unique per tenant.</summary>
    public string? PhoneKey { get; private set; }

    /// <summary>The WeChat id, lower case. Unique per tenant.</summary>
    public string? ChatId { get; private set; }

    public CustomerKind Kind { get; private set; }

    public string? Industry { get; private set; }

    /// <summary>The sales zone; the pool is partitioned by it.</summary>
    public RegionId? RegionId { get; private set; }

    public CustomerTier Tier { get; private set; } = CustomerTier.C;

    public SourceChannel? Source { get; private set; }

    /// <summary>The dealer (经销商) it buys through, if any.</summary>
    public string? Dealer { get; private set; }

    public IReadOnlyList<string> Tags => _tags.AsReadOnly();

    /// <summary>Persons only.</summary>
    public DateOnly? Birthday { get; private set; }

    /// <summary>The sales rep who holds the customer; null means it is in the public pool.</summary>
    public UserId? OwnerId { get; private set; }

    public bool IsInPool => OwnerId is null;

    /// <summary>When the current owner got it; null while in the pool.</summary>
    public DateTimeOffset? OwnedSince { get; private set; }

    /// <summary>The last follow-up by anyone, on the customer, a contact or an opportunity.</summary>
    public DateTimeOffset? LastFollowUpAt { get; private set; }

    /// <summary>Locked by its owner against recycling.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Why it is in the pool (released with a reason, recycled); null while owned.</summary>
    public string? PoolReason { get; private set; }

    /// <summary>When it last went into the pool.</summary>
    public DateTimeOffset? PooledAt { get; private set; }

    /// <summary>Who held it before it last went into the pool (for the claim cool-down).</summary>
    public UserId? FormerOwnerId { get; private set; }

    /// <summary>When the current owner's claim was approved; null unless the customer was claimed.</summary>
    public DateTimeOffset? ClaimApprovedAt { get; private set; }

    /// <summary>When the owner was last reminded that the customer goes back to the pool soon (the recycle job).</summary>
    public DateTimeOffset? OwnerRemindedAt { get; private set; }

    /// <summary>When the owner's manager was last reminded of it.</summary>
    public DateTimeOffset? ManagerRemindedAt { get; private set; }

    public IReadOnlyCollection<Contact> Contacts => _contacts.AsReadOnly();

    public IReadOnlyCollection<CustomerOwnershipChange> OwnershipHistory => _ownershipHistory.AsReadOnly();

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
            OwnerId = ownerId,
            OwnedSince = ownerId is null ? null : now,
            PooledAt = ownerId is null ? now : null,
            CreatedAt = now,
        };
        customer.SetPhone(phone);
        customer._ownershipHistory.Add(new CustomerOwnershipChange(
            tenantId, id, now, null, ownerId, OwnershipChangeKind.Registered, null, ownerId));
        customer.Raise(new CustomerRegistered(id, tenantId, shopId, customer.Name, ownerId, now));
        return customer;
    }

    /// <summary>Sets what the customer is (kind, industry, region, tier, source, dealer, tags, birthday).</summary>
    public void UpdateProfile(CustomerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var kind = EnumGuard.Defined(profile.Kind, "customer.kind-invalid", "customer kind");
        var tier = Enum.IsDefined(profile.Tier)
            ? profile.Tier
            : throw new DomainRuleViolation("pool.tier-invalid", $"'{profile.Tier}' is not a valid customer tier.", profile.Tier);
        var source = profile.Source is { } s ? EnumGuard.Defined(s, "customer.source-invalid", "source") : (SourceChannel?)null;
        if (profile.Birthday is not null && kind != CustomerKind.Person)
        {
            throw new DomainRuleViolation("customer.birthday-company", "Only a person customer has a birthday.");
        }

        Kind = kind;
        Industry = Optional(profile.Industry, CustomerLimits.IndustryMaxLength, "customer.industry", "An industry");
        RegionId = profile.RegionId;
        Tier = tier;
        Source = source;
        Dealer = Optional(profile.Dealer, CustomerLimits.DealerMaxLength, "customer.dealer", "A dealer name");
        _tags = ValidTags(profile.Tags);
        Birthday = profile.Birthday;
    }

    public CustomerProfile Profile => new(Kind, Industry, RegionId, Tier, Source, Dealer, [.. _tags], Birthday);

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

    /// <summary>Corrects a contact's name, phone or title.</summary>
    public void EditContact(ContactId id, string name, string? phone, string? title)
    {
        var contact = _contacts.Find(c => c.Id == id)
            ?? throw new DomainRuleViolation("customer.contact-unknown", "That contact does not belong to this customer.");
        contact.Edit(name, phone, title);
    }

    public void Rename(string name)
    {
        var valid = ValidName(name);
        if (valid == Name)
        {
            return;
        }

        Name = valid;
    }

    public void ChangePhone(string? phone) => SetPhone(phone);

    public void ChangeChatId(string? chatId)
    {
        var trimmed = chatId?.Trim() ?? string.Empty;
        ChatId = trimmed.Length == 0
            ? null
            : Guard.Text(trimmed, CustomerLimits.ChatIdMaxLength, "customer.chat-id", "A WeChat id").ToLowerInvariant();
    }

    /// <summary>A follow-up happened (on the customer, a contact or an opportunity): the recycle clock starts again.</summary>
    public void RecordFollowUp(DateTimeOffset at)
    {
        if (LastFollowUpAt is null || at > LastFollowUpAt)
        {
            LastFollowUpAt = at;
        }
    }

    /// <summary>
    /// Gives the customer to <paramref name="owner"/> (from the pool or from another rep). The recycle
    /// clock starts now; a lock and a pending claim follow-up belong to the previous owner and end.
    /// Giving it to its current owner changes nothing.
    /// </summary>
    public void AssignTo(UserId owner, UserId? actor, OwnershipChangeKind kind, DateTimeOffset now, string? reason = null)
    {
        if (kind is OwnershipChangeKind.Released or OwnershipChangeKind.Recycled or OwnershipChangeKind.Registered)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use ReturnToPool for a change into the pool.");
        }

        if (OwnerId == owner)
        {
            return;
        }

        var from = OwnerId;
        OwnerId = owner;
        OwnedSince = now;
        IsLocked = false;
        PoolReason = null;
        ClaimApprovedAt = kind == OwnershipChangeKind.Claimed ? now : null;
        var validReason = Optional(reason, CustomerLimits.PoolReasonMaxLength, "customer.pool-reason", "A reason");
        _ownershipHistory.Add(new CustomerOwnershipChange(TenantId, Id, now, from, owner, kind, validReason, actor));
        Raise(new CustomerOwnerChanged(Id, TenantId, from, owner, kind, validReason, actor, now));
    }

    /// <summary>An approved claim: the claimant owns it and must follow up within the policy's days.</summary>
    public void ApproveClaim(UserId claimant, UserId approver, DateTimeOffset now)
    {
        if (!IsInPool)
        {
            throw new DomainRuleViolation("customer.not-in-pool", "This customer is no longer in the pool.");
        }

        AssignTo(claimant, approver, OwnershipChangeKind.Claimed, now);
    }

    /// <summary>
    /// Puts the customer back into the pool: released by its owner (a reason is required), recycled
    /// by the job, or handed over to the pool by a manager. Already in the pool: nothing happens.
    /// </summary>
    public void ReturnToPool(UserId? actor, OwnershipChangeKind kind, string reason, DateTimeOffset now)
    {
        if (kind is not (OwnershipChangeKind.Released or OwnershipChangeKind.Recycled or OwnershipChangeKind.HandedOver))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only a release, a recycle or a hand-over puts a customer into the pool.");
        }

        var validReason = Guard.Text(reason, CustomerLimits.PoolReasonMaxLength, "customer.pool-reason", "A reason");
        if (IsInPool)
        {
            return;
        }

        var from = OwnerId;
        FormerOwnerId = from;
        OwnerId = null;
        OwnedSince = null;
        IsLocked = false;
        ClaimApprovedAt = null;
        PoolReason = validReason;
        PooledAt = now;
        _ownershipHistory.Add(new CustomerOwnershipChange(TenantId, Id, now, from, null, kind, validReason, actor));
        Raise(new CustomerOwnerChanged(Id, TenantId, from, null, kind, validReason, actor, now));
    }

    /// <summary>The owner keeps it out of recycling. The number of locks a rep may hold is <see cref="PoolRules.CanLock"/>'s to say.</summary>
    public void Lock(UserId actor)
    {
        if (OwnerId != actor)
        {
            throw new DomainRuleViolation("customer.lock-not-owner", "Only the owner can lock a customer.");
        }

        IsLocked = true;
    }

    public void Unlock(UserId actor)
    {
        if (OwnerId != actor)
        {
            throw new DomainRuleViolation("customer.lock-not-owner", "Only the owner can lock a customer.");
        }

        IsLocked = false;
    }

    /// <summary>What the recycle clock needs; only for an owned customer.</summary>
    public RecycleFacts RecycleFacts() =>
        OwnedSince is { } since
            ? new RecycleFacts(Tier, since, LastFollowUpAt, IsLocked)
            : throw new InvalidOperationException("A customer in the pool has no recycle clock.");

    /// <summary>The recycle clock and the reminders sent in it; only for an owned customer.</summary>
    public ReminderFacts ReminderFacts() => new(RecycleFacts(), OwnerRemindedAt, ManagerRemindedAt);

    /// <summary>Records the reminders just sent, so that <see cref="PoolRules.RemindersDue"/> does not send them again in this cycle.</summary>
    public void RecordRecycleReminders(PoolReminders sent, DateTimeOffset now)
    {
        if (IsInPool)
        {
            throw new DomainRuleViolation("customer.in-pool", "A customer in the pool has no owner to remind.");
        }

        if (sent.HasFlag(PoolReminders.Owner))
        {
            OwnerRemindedAt = now;
        }

        if (sent.HasFlag(PoolReminders.Manager))
        {
            ManagerRemindedAt = now;
        }
    }

    private void SetPhone(string? phone)
    {
        Phone = PhoneNumber.Optional(phone, "customer.phone");
        PhoneKey = PhoneNumber.Key(Phone);
    }

    private static string ValidName(string? name) =>
        Guard.Text(name, CustomerLimits.NameMaxLength, "customer.name", "A customer name");

    private static string? Optional(string? value, int maxLength, string code, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.Text(value, maxLength, code, what);

    private static List<string> ValidTags(IReadOnlyList<string>? tags)
    {
        var valid = new List<string>();
        foreach (var tag in tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(tag))
            {
                continue;
            }

            var text = Guard.Text(tag, CustomerLimits.TagMaxLength, "customer.tag", "A tag");
            if (!valid.Contains(text, StringComparer.OrdinalIgnoreCase))
            {
                valid.Add(text);
            }
        }

        return valid.Count > CustomerLimits.MaxTags
            ? throw new DomainRuleViolation("customer.too-many-tags", $"A customer has at most {CustomerLimits.MaxTags} tags.", CustomerLimits.MaxTags)
            : valid;
    }
}

public sealed record CustomerRegistered(
    CustomerId CustomerId, TenantId TenantId, ShopId ShopId, string Name, UserId? OwnerId, DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);

/// <summary>The customer changed hands; <see cref="To"/> null means it went into the pool.</summary>
public sealed record CustomerOwnerChanged(
    CustomerId CustomerId,
    TenantId TenantId,
    UserId? From,
    UserId? To,
    OwnershipChangeKind Kind,
    string? Reason,
    UserId? ActorId,
    DateTimeOffset OccurredAt) : DomainEvent(OccurredAt);
