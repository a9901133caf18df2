using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

/// <summary>
/// What the sales rep knows about a deal's quality. <see cref="ScoringRules"/> turns it into a score.
/// </summary>
public sealed record ScoringInputs
{
    public const int MaxIndustryMatch = 3;

    private ScoringInputs(int industryMatch, BudgetStatus budget, DecisionMakerLevel decisionMakerLevel, Urgency urgency, bool isRepeatCustomer)
    {
        IndustryMatch = industryMatch;
        Budget = budget;
        DecisionMakerLevel = decisionMakerLevel;
        Urgency = urgency;
        IsRepeatCustomer = isRepeatCustomer;
    }

    /// <summary>Nothing known yet: no industry match, budget unknown, a staff contact, low urgency, a new customer.</summary>
    public static ScoringInputs Unknown { get; } = new(0, BudgetStatus.Unknown, DecisionMakerLevel.Staff, Urgency.Low, false);

    /// <summary>How well the customer's industry fits our products: 0 (not at all) to <see cref="MaxIndustryMatch"/> (core market).</summary>
    public int IndustryMatch { get; }

    public BudgetStatus Budget { get; }

    public DecisionMakerLevel DecisionMakerLevel { get; }

    public Urgency Urgency { get; }

    public bool IsRepeatCustomer { get; }

    public static ScoringInputs Create(
        int industryMatch, BudgetStatus budget, DecisionMakerLevel decisionMakerLevel, Urgency urgency, bool isRepeatCustomer)
    {
        if (industryMatch is < 0 or > MaxIndustryMatch)
        {
            throw new DomainRuleViolation(
                "scoring.industry-match-out-of-range", $"The industry match is a level from 0 to {MaxIndustryMatch}.", MaxIndustryMatch);
        }

        return new ScoringInputs(
            industryMatch,
            EnumGuard.Defined(budget, "scoring.budget-invalid", "budget status"),
            EnumGuard.Defined(decisionMakerLevel, "scoring.decision-maker-invalid", "decision-maker level"),
            EnumGuard.Defined(urgency, "scoring.urgency-invalid", "urgency"),
            isRepeatCustomer);
    }
}

public enum BudgetStatus
{
    /// <summary>Not asked yet.</summary>
    Unknown,

    /// <summary>The customer has no budget for it.</summary>
    None,

    Confirmed,
}

/// <summary>The highest level of the people we talk to at the customer.</summary>
public enum DecisionMakerLevel
{
    Staff,
    Manager,
    Executive,
}

public enum Urgency
{
    Low,
    Medium,
    High,
}
