using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;

namespace Crm.Web.Features.Leads;

/// <summary>A lead as the list shows it; <see cref="Version"/> is what the user saw, sent back with every action.</summary>
public sealed record LeadRow(
    Guid Id,
    string Name,
    string? Company,
    string? Phone,
    string? ChatId,
    SourceChannel Source,
    LeadStatus Status,
    Guid? OwnerId,
    string? OwnerName,
    Guid ShopId,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastFollowedUpAt,
    string? LastFollowUpResult,
    long Version);

/// <summary>What the list shows: a status tab, owner, source, a text search, and one page of it.</summary>
public sealed record LeadFilter(
    LeadStatus? Status = null, Guid? OwnerId = null, SourceChannel? Source = null, string? Text = null, int Page = 0, int PageSize = 25)
{
    public const int MaxPageSize = 100;

    public LeadFilter Normalized() => this with
    {
        Page = Math.Max(0, Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        Text = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
    };
}

/// <summary>One page of the list, the total it was cut from, and the counts of every status tab under the same filters.</summary>
public sealed record LeadPage(ImmutableList<LeadRow> Rows, int Total, ImmutableDictionary<LeadStatus, int> Counts)
{
    public static LeadPage Empty { get; } = new([], 0, ImmutableDictionary<LeadStatus, int>.Empty);

    public int CountOf(LeadStatus? status) => status is { } s ? Counts.GetValueOrDefault(s) : Counts.Values.Sum();
}

/// <summary>A rep or manager the leads can belong to.</summary>
public sealed record LeadOwner(Guid Id, string Name);

public sealed record NewLead(string? Name, string? Company, string? Phone, string? ChatId, SourceChannel Source, Guid? ShopId);

/// <summary>The customer, contact and (optionally) opportunity a lead becomes, as the conversion dialog fills them in.</summary>
public sealed record LeadConversion(
    string? CustomerName,
    bool IsCompany,
    string? ContactName,
    string? ContactTitle,
    bool CreateOpportunity,
    string? OpportunityTitle,
    decimal? Amount,
    DateOnly? ExpectedClose);

/// <summary>What a user does to one lead from its row.</summary>
public abstract record LeadAct
{
    private LeadAct()
    {
    }

    public sealed record Take : LeadAct;

    public sealed record Return(string? Reason) : LeadAct;

    public sealed record FollowUp(string? Result) : LeadAct;

    public sealed record MarkInvalid(string? Reason) : LeadAct;

    public sealed record Revive : LeadAct;

    public sealed record Void(string? Reason) : LeadAct;

    public sealed record Restore : LeadAct;
}

/// <summary>The outcome of a batch: how many were done, and each refused lead with the rule that refused it.</summary>
public sealed record BatchOutcome(int Done, IReadOnlyList<LeadRefusal> Refused);

public sealed record LeadRefusal(string LeadName, DomainRuleViolation Reason);
