using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Domain.Tests.Opportunities;

/// <summary>The fixed world of the opportunity tests: one tenant, one shop, a rep and a manager, a clock.</summary>
internal static class Pipeline
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly TenantId Tenant = new(Guid.Parse("7e000000-0000-4000-8000-000000000001"));
    public static readonly ShopId Shop = new(Guid.Parse("7e000000-0000-4000-8000-000000000002"));
    public static readonly CustomerId Customer = new(Guid.Parse("7e000000-0000-4000-8000-000000000003"));
    public static readonly UserId Rep = new(Guid.Parse("7e000000-0000-4000-8000-000000000004"));
    public static readonly UserId Manager = new(Guid.Parse("7e000000-0000-4000-8000-000000000005"));
    public static readonly UserId OtherRep = new(Guid.Parse("7e000000-0000-4000-8000-000000000006"));

    public static StageBlueprint Blueprint => StageBlueprint.Default;

    public static FakeTimeProvider Clock() => new(Start);

    public static Money Cny(decimal amount) => Money.Create(amount);

    public static DomainRuleViolation Refused(Action action) => Should.Throw<DomainRuleViolation>(action);
}

/// <summary>Builds an opportunity in a given state with sensible defaults, events cleared. Like eShop's OrderBuilder.</summary>
internal sealed class OpportunityBuilder
{
    private string _title = "1200 块川字托盘 — 顺丰华东仓";
    private Money _amount = Pipeline.Cny(86_000m);
    private ContactId? _contactId;
    private SourceChannel _source = SourceChannel.OnlineShopInquiry;
    private ScoringInputs _inputs = ScoringInputs.Unknown;
    private ScoringRules _rules = ScoringRules.Default;
    private DateTimeOffset _openedAt = Pipeline.Start;
    private OpportunityStage _stage = OpportunityStage.Lead;
    private string? _needsSummary;
    private string _lostReason = "Chose a cheaper wooden pallet supplier.";
    private UserId _owner = Pipeline.Rep;

    public OpportunityBuilder WithTitle(string title)
    {
        _title = title;
        return this;
    }

    public OpportunityBuilder WithAmount(decimal amount)
    {
        _amount = Pipeline.Cny(amount);
        return this;
    }

    public OpportunityBuilder WithContact(ContactId contactId)
    {
        _contactId = contactId;
        return this;
    }

    public OpportunityBuilder WithSource(SourceChannel source)
    {
        _source = source;
        return this;
    }

    public OpportunityBuilder WithInputs(ScoringInputs inputs)
    {
        _inputs = inputs;
        return this;
    }

    public OpportunityBuilder WithRules(ScoringRules rules)
    {
        _rules = rules;
        return this;
    }

    public OpportunityBuilder OwnedBy(UserId owner)
    {
        _owner = owner;
        return this;
    }

    public OpportunityBuilder OpenedAt(DateTimeOffset openedAt)
    {
        _openedAt = openedAt;
        return this;
    }

    /// <summary>A needs summary given while reaching the stage (for stages that do not require one).</summary>
    public OpportunityBuilder WithNeedsSummary(string needsSummary)
    {
        _needsSummary = needsSummary;
        return this;
    }

    public OpportunityBuilder WithLostReason(string lostReason)
    {
        _lostReason = lostReason;
        return this;
    }

    /// <summary>
    /// Reaches the stage in one move by the manager at the opening time, completing whatever the
    /// default blueprint asks for (a needs summary, the amount as set, a lost reason).
    /// </summary>
    public OpportunityBuilder InStage(OpportunityStage stage)
    {
        _stage = stage;
        return this;
    }

    public Opportunity Build()
    {
        var opportunity = Opportunity.Open(
            OpportunityId.New(), Pipeline.Tenant, Pipeline.Shop, Pipeline.Customer, _contactId, _owner,
            _title, _amount, new DateOnly(2026, 12, 31), _source, _inputs, _rules, _openedAt);

        var needsSummary = _needsSummary;
        if (needsSummary is null && Pipeline.Blueprint.RequirementsFor(_stage).Contains(StageRequirement.NeedsSummary))
        {
            needsSummary = "Needs 1200 anti-slip pallets for the Kunshan warehouse, racking-rated.";
        }

        if (_stage != OpportunityStage.Lead || needsSummary is not null)
        {
            var lostReason = _stage == OpportunityStage.Lost ? _lostReason : null;
            if (_stage == OpportunityStage.Lead)
            {
                opportunity.Edit(_title, _amount, opportunity.ExpectedCloseDate, _contactId, needsSummary, Pipeline.Manager, _openedAt);
            }
            else
            {
                opportunity.MoveTo(_stage, Pipeline.Blueprint, Pipeline.Manager, actorIsManager: true, _openedAt, new StageCompletion(needsSummary, null, lostReason));
            }
        }

        opportunity.ClearDomainEvents();
        return opportunity;
    }
}
