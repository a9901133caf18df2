using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Leads;

/// <summary>The fixed world of the lead tests: one tenant, one shop, two reps, an admin, a clock.</summary>
internal static class LeadPool
{
    public static readonly DateTimeOffset Start = new(2026, 11, 9, 2, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Later = Start.AddHours(3);
    public static readonly TenantId Tenant = new(Guid.Parse("1e000000-0000-4000-8000-000000000001"));
    public static readonly ShopId Shop = new(Guid.Parse("1e000000-0000-4000-8000-000000000002"));
    public static readonly UserId Rep = new(Guid.Parse("1e000000-0000-4000-8000-000000000003"));
    public static readonly UserId OtherRep = new(Guid.Parse("1e000000-0000-4000-8000-000000000004"));
    public static readonly UserId Manager = new(Guid.Parse("1e000000-0000-4000-8000-000000000005"));
    public static readonly UserId Admin = new(Guid.Parse("1e000000-0000-4000-8000-000000000006"));
    public static readonly CustomerId Customer = new(Guid.Parse("1e000000-0000-4000-8000-000000000007"));
    public static readonly ContactId Contact = new(Guid.Parse("1e000000-0000-4000-8000-000000000008"));
    public static readonly OpportunityId Opportunity = new(Guid.Parse("1e000000-0000-4000-8000-000000000009"));

    public static TEvent Single<TEvent>(Lead lead)
        where TEvent : IDomainEvent =>
        lead.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<TEvent>();
}

/// <summary>Builds a lead in a given status the way the app would get it there, events cleared.</summary>
internal sealed class LeadBuilder
{
    private string _name = "王海峰";
    private string? _company = "昆山顺达物流有限公司";
    private string? _phone = "+86 138-0013-8000";
    private string? _chatId = "wang_haifeng88";
    private SourceChannel _source = SourceChannel.OnlineShopInquiry;
    private LeadStatus _status = LeadStatus.Unassigned;

    public LeadBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public LeadBuilder WithCompany(string? company)
    {
        _company = company;
        return this;
    }

    public LeadBuilder WithPhone(string? phone)
    {
        _phone = phone;
        return this;
    }

    public LeadBuilder WithChatId(string? chatId)
    {
        _chatId = chatId;
        return this;
    }

    public LeadBuilder WithSource(SourceChannel source)
    {
        _source = source;
        return this;
    }

    /// <summary>
    /// Unassigned: captured. Pending: created by the rep. FollowingUp: then a follow-up. Invalid:
    /// Pending, then marked invalid. Voided: captured, then voided. Converted: Pending, then converted.
    /// </summary>
    public LeadBuilder InStatus(LeadStatus status)
    {
        _status = status;
        return this;
    }

    public Lead Build()
    {
        var at = LeadPool.Start;
        var lead = _status is LeadStatus.Unassigned or LeadStatus.Voided
            ? Lead.Capture(LeadId.New(), LeadPool.Tenant, LeadPool.Shop, _name, _company, _phone, _chatId, _source, at)
            : Lead.CreateFor(LeadPool.Rep, LeadId.New(), LeadPool.Tenant, LeadPool.Shop, _name, _company, _phone, _chatId, _source, at);

        switch (_status)
        {
            case LeadStatus.FollowingUp:
                lead.RecordFollowUp("Called; wants a quote for 800 pallets.", LeadPool.Rep, at);
                break;
            case LeadStatus.Invalid:
                lead.MarkInvalid("Number out of service.", LeadPool.Rep, at);
                break;
            case LeadStatus.Voided:
                lead.Void("Spam from a pallet reseller.", LeadPool.Manager, at);
                break;
            case LeadStatus.Converted:
                lead.Convert(LeadPool.Customer, LeadPool.Contact, null, LeadPool.Rep, at);
                break;
        }

        lead.ClearDomainEvents();
        return lead;
    }
}
