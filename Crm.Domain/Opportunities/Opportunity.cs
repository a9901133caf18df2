using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Opportunities;

/// <summary>
/// A possible sale to a customer, moving through the pipeline from Lead to Won or Lost. The
/// tenant's <see cref="StageBlueprint"/> gates the moves; <see cref="ScoringRules"/> rate it;
/// <see cref="StaleRule"/> says when it has been left alone too long.
/// </summary>
public sealed class Opportunity : AggregateRoot<OpportunityId>, ITenantOwned
{
    private readonly List<FollowUp> _followUps = [];
    private readonly List<StageChange> _stageHistory = [];

    private Opportunity()
    {
        Title = string.Empty;
        Amount = Money.Zero();
        ScoringInputs = ScoringInputs.Unknown;
    }

    public TenantId TenantId { get; private set; }

    public ShopId ShopId { get; private set; }

    public CustomerId CustomerId { get; private set; }

    public ContactId? ContactId { get; private set; }

    public UserId OwnerId { get; private set; }

    public string Title { get; private set; }

    public Money Amount { get; private set; }

    public DateOnly ExpectedCloseDate { get; private set; }

    public SourceChannel Source { get; private set; }

    public OpportunityStage Stage { get; private set; }

    public DateTimeOffset StageEnteredAt { get; private set; }

    /// <summary>What the customer needs, in the rep's words. Gated by the blueprint (Proposal by default).</summary>
    public string? NeedsSummary { get; private set; }

    /// <summary>Why the deal was lost; only ever set while the opportunity is Lost (cleared on reopening).</summary>
    public string? LostReason { get; private set; }

    public ScoringInputs ScoringInputs { get; private set; }

    /// <summary>0 to 100, computed from <see cref="ScoringInputs"/> by the tenant's rules.</summary>
    public int Score { get; private set; }

    public Priority Priority { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The time of the latest follow-up (by when it happened, not when it was recorded).</summary>
    public DateTimeOffset? LastFollowedUpAt { get; private set; }

    public DateTimeOffset? LastStaleReminderAt { get; private set; }

    public IReadOnlyCollection<FollowUp> FollowUps => _followUps.AsReadOnly();

    public IReadOnlyCollection<StageChange> StageHistory => _stageHistory.AsReadOnly();

    public bool IsClosed => Stage.IsClosed();

    public static Opportunity Open(
        OpportunityId id,
        TenantId tenantId,
        ShopId shopId,
        CustomerId customerId,
        ContactId? contactId,
        UserId ownerId,
        string title,
        Money amount,
        DateOnly expectedClose,
        SourceChannel source,
        ScoringInputs inputs,
        ScoringRules rules,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        var score = rules.Score(inputs);
        var opportunity = new Opportunity
        {
            Id = id,
            TenantId = tenantId,
            ShopId = shopId,
            CustomerId = customerId,
            ContactId = contactId,
            OwnerId = ownerId,
            Title = ValidTitle(title),
            Amount = ValidAmount(amount),
            ExpectedCloseDate = expectedClose,
            Source = EnumGuard.Defined(source, "opportunity.source-invalid", "source channel"),
            Stage = OpportunityStage.Lead,
            StageEnteredAt = now,
            ScoringInputs = inputs,
            Score = score,
            Priority = rules.PriorityOf(score),
            CreatedAt = now,
        };
        opportunity.Raise(new OpportunityOpened(
            id, tenantId, shopId, customerId, ownerId, opportunity.Title, opportunity.Amount, opportunity.Score, opportunity.Priority, now));
        return opportunity;
    }

    /// <summary>
    /// Moves the card to <paramref name="target"/>. The <paramref name="completion"/> is applied
    /// before the blueprint is checked, so a drop that asked for the missing pieces completes.
    /// Same stage: nothing happens. Out of Won or Lost: managers only. Backwards: allowed, recorded.
    /// </summary>
    public void MoveTo(
        OpportunityStage target, StageBlueprint blueprint, UserId actor, bool actorIsManager, DateTimeOffset now, StageCompletion? completion = null)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        EnumGuard.Defined(target, "opportunity.stage-invalid", "stage");
        if (target == Stage)
        {
            return;
        }

        if (IsClosed && !actorIsManager)
        {
            throw new DomainRuleViolation(
                "opportunity.reopen-requires-manager", $"Only a manager can move an opportunity out of {Stage.Describe()}.", Stage);
        }

        var needsSummary = string.IsNullOrWhiteSpace(completion?.NeedsSummary) ? NeedsSummary : ValidNeedsSummary(completion.NeedsSummary);
        var amount = completion?.Amount is { } givenAmount ? ValidAmount(givenAmount) : Amount;
        string? lostReason = null;
        if (!string.IsNullOrWhiteSpace(completion?.LostReason))
        {
            if (target != OpportunityStage.Lost)
            {
                throw new DomainRuleViolation("opportunity.lost-reason-only-when-lost", "A lost reason is only given when marking an opportunity as lost.");
            }

            lostReason = Guard.Text(completion.LostReason, OpportunityLimits.LostReasonMaxLength, "opportunity.lost-reason", "A lost reason");
        }

        var missing = blueprint.Missing(target, needsSummary, amount, lostReason);
        if (missing.Count > 0)
        {
            throw MissingRequirement(missing[0], target);
        }

        var from = Stage;
        var edited = needsSummary != NeedsSummary || amount != Amount;
        NeedsSummary = needsSummary;
        Amount = amount;
        LostReason = lostReason;
        Stage = target;
        StageEnteredAt = now;
        _stageHistory.Add(new StageChange(StageChangeId.New(), Id, from, target, actor, now));

        if (edited)
        {
            Raise(new OpportunityEdited(Id, TenantId, Title, Amount, ExpectedCloseDate, ContactId, actor, now));
        }

        Raise(new OpportunityMoved(Id, TenantId, from, target, actor, now));
    }

    /// <summary>
    /// Changes the deal's details. Blank needs summary clears it. The blueprint gates moves, not
    /// edits: clearing a field later does not move the card back. A closed opportunity is reopened first.
    /// </summary>
    public void Edit(
        string title, Money amount, DateOnly expectedClose, ContactId? contactId, string? needsSummary, UserId actor, DateTimeOffset now)
    {
        EnsureOpen();
        var validTitle = ValidTitle(title);
        var validAmount = ValidAmount(amount);
        var validSummary = string.IsNullOrWhiteSpace(needsSummary) ? null : ValidNeedsSummary(needsSummary);
        if (validTitle == Title && validAmount == Amount && expectedClose == ExpectedCloseDate
            && contactId == ContactId && validSummary == NeedsSummary)
        {
            return;
        }

        Title = validTitle;
        Amount = validAmount;
        ExpectedCloseDate = expectedClose;
        ContactId = contactId;
        NeedsSummary = validSummary;
        Raise(new OpportunityEdited(Id, TenantId, Title, Amount, ExpectedCloseDate, ContactId, actor, now));
    }

    /// <summary>Hands the opportunity to another rep; allowed in any stage (after-sales follows the owner).</summary>
    public void Reassign(UserId newOwner, UserId actor, DateTimeOffset now)
    {
        if (newOwner == OwnerId)
        {
            return;
        }

        var previous = OwnerId;
        OwnerId = newOwner;
        Raise(new OpportunityReassigned(Id, TenantId, previous, newOwner, actor, now));
    }

    /// <summary>
    /// Records a contact with the customer. It never moves the card. Allowed while open and on Won
    /// (after-sales notes); a Lost opportunity is reopened first. Recording the same id again
    /// (a retried command) returns the recorded follow-up and changes nothing.
    /// </summary>
    public FollowUp RecordFollowUp(
        FollowUpId id, DateTimeOffset at, FollowUpChannel channel, string note, DateOnly? nextFollowUpOn, UserId by, DateTimeOffset now)
    {
        var recorded = _followUps.Find(f => f.Id == id);
        if (recorded is not null)
        {
            return recorded;
        }

        if (Stage == OpportunityStage.Lost)
        {
            throw new DomainRuleViolation("opportunity.lost-takes-no-follow-ups", "A lost opportunity takes no follow-ups; reopen it first.");
        }

        EnumGuard.Defined(channel, "followup.channel-invalid", "follow-up channel");
        if (at > now)
        {
            throw new DomainRuleViolation("followup.in-future", "A follow-up is recorded after it happened, not before.");
        }

        var validNote = Guard.Text(note, OpportunityLimits.FollowUpNoteMaxLength, "followup.note", "A follow-up note");
        if (nextFollowUpOn is { } next && next < DateOnly.FromDateTime(at.DateTime))
        {
            throw new DomainRuleViolation("followup.next-before-contact", "The next follow-up cannot be before this one.");
        }

        var followUp = new FollowUp(id, Id, at, channel, validNote, nextFollowUpOn, by);
        _followUps.Add(followUp);
        if (LastFollowedUpAt is null || at > LastFollowedUpAt)
        {
            LastFollowedUpAt = at;
        }

        Raise(new FollowUpRecorded(Id, TenantId, id, channel, at, nextFollowUpOn, by, now));
        return followUp;
    }

    /// <summary>Stores the new inputs and recomputes; raises <see cref="OpportunityScored"/> only when score or priority changed.</summary>
    public void UpdateScoringInputs(ScoringInputs inputs, ScoringRules rules, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rules);
        EnsureOpen();
        var score = rules.Score(inputs);
        var priority = rules.PriorityOf(score);
        if (inputs == ScoringInputs && score == Score && priority == Priority)
        {
            return;
        }

        var previousScore = Score;
        var previousPriority = Priority;
        ScoringInputs = inputs;
        Score = score;
        Priority = priority;
        if (score != previousScore || priority != previousPriority)
        {
            Raise(new OpportunityScored(Id, TenantId, score, priority, previousScore, previousPriority, now));
        }
    }

    /// <summary>
    /// Open, and the last follow-up (or the opening, when later or when there is none) is more
    /// than the rule's days ago.
    /// </summary>
    public bool IsStale(StaleRule rule, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.IsStale(IsClosed, LastActivityAt, now);
    }

    /// <summary>
    /// Reminds the owner of a stale opportunity, at most once per stale period: not again until
    /// the rule's days have passed since the last reminder. A new follow-up ends the stale period.
    /// </summary>
    /// <returns>Whether a reminder was raised.</returns>
    public bool RemindIfStale(StaleRule rule, DateTimeOffset now)
    {
        if (!IsStale(rule, now))
        {
            return false;
        }

        if (LastStaleReminderAt is { } last && now - last < rule.Period)
        {
            return false;
        }

        LastStaleReminderAt = now;
        Raise(new OpportunityWentStale(Id, TenantId, OwnerId, DaysSinceFollowUp(now), now));
        return true;
    }

    /// <summary>Whole days since the last follow-up, or since the opening when there is none (never negative).</summary>
    public int DaysSinceFollowUp(DateTimeOffset now) => StaleRule.DaysSince(LastActivityAt, now);

    public TimeSpan TimeInStage(DateTimeOffset now) =>
        now > StageEnteredAt ? now - StageEnteredAt : TimeSpan.Zero;

    private DateTimeOffset LastActivityAt => StaleRule.LastActivity(LastFollowedUpAt, CreatedAt);

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleViolation(
                "opportunity.closed", $"The opportunity is {Stage.Describe()}; a manager reopens it before it changes.", Stage);
        }
    }

    private static DomainRuleViolation MissingRequirement(StageRequirement requirement, OpportunityStage target) => requirement switch
    {
        StageRequirement.NeedsSummary => new DomainRuleViolation(
            "opportunity.stage-requires-needs-summary", $"A needs summary is required before {target.Describe()}.", target),
        StageRequirement.PositiveAmount => new DomainRuleViolation(
            "opportunity.stage-requires-amount", $"An amount greater than zero is required before {target.Describe()}.", target),
        _ => new DomainRuleViolation(
            "opportunity.lost-requires-reason", "A reason is required to mark an opportunity as lost.", target),
    };

    private static string ValidTitle(string? title) =>
        Guard.Text(title, OpportunityLimits.TitleMaxLength, "opportunity.title", "A title");

    private static Money ValidAmount(Money amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return amount.Amount < 0m
            ? throw new DomainRuleViolation("opportunity.amount-negative", "The amount cannot be negative.")
            : amount;
    }

    private static string ValidNeedsSummary(string needsSummary)
    {
        var trimmed = needsSummary.Trim();
        return trimmed.Length > OpportunityLimits.NeedsSummaryMaxLength
            ? throw new DomainRuleViolation(
                "opportunity.needs-summary-too-long",
                $"A needs summary must be at most {OpportunityLimits.NeedsSummaryMaxLength} characters.",
                OpportunityLimits.NeedsSummaryMaxLength)
            : trimmed;
    }
}
