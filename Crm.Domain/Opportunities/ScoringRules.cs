using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

/// <summary>
/// How a tenant scores its opportunities: a weight per factor (the weights add up to 100, so a
/// perfect deal scores 100) and the thresholds of priority A and B.
/// Each factor contributes its weight times a fraction: industry match level / 3; budget
/// none 0, unknown ½, confirmed 1; decision maker staff 0, manager ½, executive 1; urgency low 0,
/// medium ½, high 1; repeat customer 0 or 1. The sum is rounded half away from zero.
/// </summary>
public sealed record ScoringRules
{
    public const int TotalWeight = 100;
    public const int MaxScore = 100;

    private ScoringRules(
        int industryMatchWeight, int budgetWeight, int decisionMakerWeight, int urgencyWeight, int repeatCustomerWeight, int aThreshold, int bThreshold)
    {
        IndustryMatchWeight = industryMatchWeight;
        BudgetWeight = budgetWeight;
        DecisionMakerWeight = decisionMakerWeight;
        UrgencyWeight = urgencyWeight;
        RepeatCustomerWeight = repeatCustomerWeight;
        AThreshold = aThreshold;
        BThreshold = bThreshold;
    }

    public static ScoringRules Default { get; } = new(25, 25, 20, 20, 10, 70, 40);

    public int IndustryMatchWeight { get; }

    public int BudgetWeight { get; }

    public int DecisionMakerWeight { get; }

    public int UrgencyWeight { get; }

    public int RepeatCustomerWeight { get; }

    /// <summary>A score at or above it is priority A.</summary>
    public int AThreshold { get; }

    /// <summary>A score at or above it (and below <see cref="AThreshold"/>) is priority B; below it, C.</summary>
    public int BThreshold { get; }

    public static ScoringRules Create(
        int industryMatchWeight,
        int budgetWeight,
        int decisionMakerWeight,
        int urgencyWeight,
        int repeatCustomerWeight,
        int aThreshold = 70,
        int bThreshold = 40)
    {
        int[] weights = [industryMatchWeight, budgetWeight, decisionMakerWeight, urgencyWeight, repeatCustomerWeight];
        if (weights.Any(w => w < 0))
        {
            throw new DomainRuleViolation("scoring.weight-negative", "A scoring weight cannot be negative.");
        }

        if (weights.Sum() != TotalWeight)
        {
            throw new DomainRuleViolation("scoring.weights-sum", $"The scoring weights must add up to {TotalWeight}.", TotalWeight);
        }

        if (bThreshold <= 0 || aThreshold <= bThreshold || aThreshold > MaxScore)
        {
            throw new DomainRuleViolation(
                "scoring.thresholds-invalid", "The thresholds must satisfy 0 < B < A ≤ 100.", aThreshold, bThreshold);
        }

        return new ScoringRules(industryMatchWeight, budgetWeight, decisionMakerWeight, urgencyWeight, repeatCustomerWeight, aThreshold, bThreshold);
    }

    /// <summary>0 to 100.</summary>
    public int Score(ScoringInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var total =
            IndustryMatchWeight * (decimal)inputs.IndustryMatch / ScoringInputs.MaxIndustryMatch
            + BudgetWeight * inputs.Budget switch
            {
                BudgetStatus.Confirmed => 1m,
                BudgetStatus.Unknown => 0.5m,
                _ => 0m,
            }
            + DecisionMakerWeight * inputs.DecisionMakerLevel switch
            {
                DecisionMakerLevel.Executive => 1m,
                DecisionMakerLevel.Manager => 0.5m,
                _ => 0m,
            }
            + UrgencyWeight * inputs.Urgency switch
            {
                Urgency.High => 1m,
                Urgency.Medium => 0.5m,
                _ => 0m,
            }
            + (inputs.IsRepeatCustomer ? RepeatCustomerWeight : 0);
        return (int)Math.Clamp(Math.Round(total, MidpointRounding.AwayFromZero), 0m, MaxScore);
    }

    public Priority PriorityOf(int score)
    {
        if (score is < 0 or > MaxScore)
        {
            throw new DomainRuleViolation("scoring.score-out-of-range", $"A score is between 0 and {MaxScore}.", score);
        }

        return score >= AThreshold ? Priority.A
            : score >= BThreshold ? Priority.B
            : Priority.C;
    }
}
