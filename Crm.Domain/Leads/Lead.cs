using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Leads;

/// <summary>
/// Someone who may become a customer, before anyone has qualified them. The status machine:
/// Unassigned (the lead pool) → Pending (a rep holds it) → FollowingUp (a result was recorded)
/// → Converted (into a customer, a contact and maybe an opportunity). A worked lead can be marked
/// Invalid (unreachable for now) and revived; any lead not yet converted can be Voided (junk), and
/// only an Admin restores a voided lead, to the pool. Every other transition is refused.
/// Repeating a verb whose outcome already holds (assigning to the current owner, returning a pool
/// lead, marking an invalid lead invalid, voiding a voided lead, converting into the same records)
/// changes nothing and raises nothing.
/// </summary>
public sealed class Lead : AggregateRoot<LeadId>, ITenantOwned
{
    private readonly List<LeadStatusChange> _statusHistory = [];

    private Lead() => Name = string.Empty;

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    /// <summary>The person's name.</summary>
    public string Name { get; private set; }

    public string? Company { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The person's WeChat id.</summary>
    public string? ChatId { get; private set; }

    public SourceChannel Source { get; private set; }

    /// <summary>The rep who holds the lead; null while it sits in the pool.</summary>
    public UserId? OwnerId { get; private set; }

    public LeadStatus Status { get; private set; }

    /// <summary>Why it is Invalid or Voided; null in every other status.</summary>
    public string? StatusReason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset StatusChangedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? LastFollowedUpAt { get; private set; }

    public string? LastFollowUpResult { get; private set; }

    public DateTimeOffset? ConvertedAt { get; private set; }

    public CustomerId? ConvertedCustomerId { get; private set; }

    public ContactId? ConvertedContactId { get; private set; }

    public OpportunityId? ConvertedOpportunityId { get; private set; }

    public IReadOnlyCollection<LeadStatusChange> StatusHistory => _statusHistory.AsReadOnly();

    /// <summary>A lead from outside (a website form, an inquiry, an import); it lands in the pool.</summary>
    public static Lead Capture(
        LeadId id, TenantId tenantId, ShopId shopId, string name, string? company, string? phone, string? chatId,
        SourceChannel source, DateTimeOffset now) =>
        Create(id, tenantId, shopId, name, company, phone, chatId, source, owner: null, now);

    /// <summary>A lead a rep enters themselves: it is theirs and Pending from the start.</summary>
    public static Lead CreateFor(
        UserId rep, LeadId id, TenantId tenantId, ShopId shopId, string name, string? company, string? phone, string? chatId,
        SourceChannel source, DateTimeOffset now) =>
        Create(id, tenantId, shopId, name, company, phone, chatId, source, rep, now);

    /// <summary>
    /// Gives the lead to <paramref name="rep"/>: from the pool, or handed over from another rep
    /// (the new rep starts at Pending). Same owner: nothing happens.
    /// </summary>
    public void AssignTo(UserId rep, UserId actor, DateTimeOffset now)
    {
        if (Status != LeadStatus.Unassigned && !Status.IsWorked())
        {
            throw Refused("assign");
        }

        if (OwnerId == rep)
        {
            return;
        }

        var from = Status;
        var previous = OwnerId;
        OwnerId = rep;
        AssignedAt = now;
        ChangeStatus(LeadStatus.Pending, actor, null, now);
        Raise(new LeadAssigned(Id, TenantId, from, previous, rep, actor, now));
    }

    /// <summary>Puts a worked lead back into the pool. A pool lead: nothing happens.</summary>
    public void Return(UserId actor, string? reason, DateTimeOffset now)
    {
        if (Status == LeadStatus.Unassigned)
        {
            return;
        }

        if (!Status.IsWorked())
        {
            throw Refused("return");
        }

        var validReason = OptionalReason(reason);
        var from = Status;
        var previous = OwnerId!.Value;
        OwnerId = null;
        AssignedAt = null;
        ChangeStatus(LeadStatus.Unassigned, actor, validReason, now);
        Raise(new LeadReturned(Id, TenantId, from, previous, validReason, actor, now));
    }

    /// <summary>Records the result of a contact; a Pending lead starts FollowingUp.</summary>
    public void RecordFollowUp(string result, UserId by, DateTimeOffset now)
    {
        if (!Status.IsWorked())
        {
            throw Refused("follow-up");
        }

        var validResult = Guard.Text(result, LeadLimits.FollowUpResultMaxLength, "lead.follow-up-result", "A follow-up result");
        var from = Status;
        LastFollowedUpAt = now;
        LastFollowUpResult = validResult;
        if (from != LeadStatus.FollowingUp)
        {
            ChangeStatus(LeadStatus.FollowingUp, by, null, now);
        }

        Raise(new LeadFollowedUp(Id, TenantId, from, by, now));
    }

    /// <summary>The person cannot be reached for now; the rep keeps the lead and can revive it.</summary>
    public void MarkInvalid(string reason, UserId actor, DateTimeOffset now)
    {
        if (Status == LeadStatus.Invalid)
        {
            return;
        }

        if (!Status.IsWorked())
        {
            throw Refused("mark-invalid");
        }

        var validReason = RequiredReason(reason);
        var from = Status;
        ChangeStatus(LeadStatus.Invalid, actor, validReason, now);
        Raise(new LeadMarkedInvalid(Id, TenantId, from, validReason, actor, now));
    }

    /// <summary>An invalid lead answered after all: back to FollowingUp with its owner.</summary>
    public void Revive(UserId actor, DateTimeOffset now)
    {
        if (Status != LeadStatus.Invalid)
        {
            throw Refused("revive");
        }

        ChangeStatus(LeadStatus.FollowingUp, actor, null, now);
        Raise(new LeadRevived(Id, TenantId, OwnerId, actor, now));
    }

    /// <summary>Junk (spam, a duplicate, a test). Anything not yet converted can be voided.</summary>
    public void Void(string reason, UserId actor, DateTimeOffset now)
    {
        if (Status == LeadStatus.Voided)
        {
            return;
        }

        if (Status == LeadStatus.Converted)
        {
            throw Refused("void");
        }

        var validReason = RequiredReason(reason);
        var from = Status;
        ChangeStatus(LeadStatus.Voided, actor, validReason, now);
        Raise(new LeadVoided(Id, TenantId, from, validReason, actor, now));
    }

    /// <summary>Brings a voided lead back into the pool, without owner. Admins only.</summary>
    public void Restore(UserId actor, bool actorIsAdmin, DateTimeOffset now)
    {
        if (Status != LeadStatus.Voided)
        {
            throw Refused("restore");
        }

        if (!actorIsAdmin)
        {
            throw new DomainRuleViolation("lead.restore-requires-admin", "Only an admin can restore a voided lead.");
        }

        OwnerId = null;
        AssignedAt = null;
        ChangeStatus(LeadStatus.Unassigned, actor, null, now);
        Raise(new LeadRestored(Id, TenantId, actor, now));
    }

    /// <summary>
    /// Records, in one step, the customer, contact and (optionally) opportunity the lead became.
    /// Converting again into the same records (a retried command) changes nothing.
    /// </summary>
    public void Convert(CustomerId customerId, ContactId contactId, OpportunityId? opportunityId, UserId actor, DateTimeOffset now)
    {
        if (Status == LeadStatus.Converted
            && ConvertedCustomerId == customerId && ConvertedContactId == contactId && ConvertedOpportunityId == opportunityId)
        {
            return;
        }

        if (!Status.IsWorked())
        {
            throw Refused("convert");
        }

        ConvertedCustomerId = customerId;
        ConvertedContactId = contactId;
        ConvertedOpportunityId = opportunityId;
        ConvertedAt = now;
        ChangeStatus(LeadStatus.Converted, actor, null, now);
        Raise(new LeadConverted(Id, TenantId, customerId, contactId, opportunityId, actor, now));
    }

    private static Lead Create(
        LeadId id, TenantId tenantId, ShopId shopId, string name, string? company, string? phone, string? chatId,
        SourceChannel source, UserId? owner, DateTimeOffset now)
    {
        var lead = new Lead
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            Name = Guard.Text(name, LeadLimits.NameMaxLength, "lead.name", "A name"),
            Company = OptionalText(company, LeadLimits.CompanyMaxLength, "lead.company", "A company name"),
            Phone = PhoneNumber.Optional(phone, "lead.phone"),
            ChatId = OptionalText(chatId, LeadLimits.ChatIdMaxLength, "lead.chat-id", "A WeChat id"),
            Source = EnumGuard.Defined(source, "lead.source-invalid", "source channel"),
            OwnerId = owner,
            Status = owner is null ? LeadStatus.Unassigned : LeadStatus.Pending,
            CreatedAt = now,
            StatusChangedAt = now,
            AssignedAt = owner is null ? null : now,
        };
        lead.Raise(new LeadCaptured(id, tenantId, shopId, lead.Name, lead.Company, lead.Source, lead.Status, owner, now));
        return lead;
    }

    private void ChangeStatus(LeadStatus to, UserId? by, string? reason, DateTimeOffset now)
    {
        var from = Status;
        if (from == to)
        {
            return;
        }

        Status = to;
        StatusReason = to is LeadStatus.Invalid or LeadStatus.Voided ? reason : null;
        StatusChangedAt = now;
        _statusHistory.Add(new LeadStatusChange(LeadStatusChangeId.New(), Id, from, to, by, reason, now));
    }

    private DomainRuleViolation Refused(string verb) => new(
        $"lead.cannot-{verb}-{Status.Code()}", $"A lead that is {Status.Describe()} cannot {verb.Replace('-', ' ')}.", Status);

    private static string RequiredReason(string? reason) =>
        Guard.Text(reason, LeadLimits.ReasonMaxLength, "lead.reason", "A reason");

    private static string? OptionalReason(string? reason) =>
        OptionalText(reason, LeadLimits.ReasonMaxLength, "lead.reason", "A reason");

    private static string? OptionalText(string? value, int maxLength, string code, string what) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.Text(value, maxLength, code, what);
}
