using System.Text.Json;
using Crm.Domain.Opportunities;

namespace Crm.Infrastructure.Persistence;

/// <summary>A tenant's pipeline settings as stored: plain JSON, rebuilt through the domain's validating factories.</summary>
internal static class PipelineSettingsJson
{
    public static string Serialize(PipelineSettings settings) => JsonSerializer.Serialize(new Stored(
        settings.StageBlueprint.Probabilities.ToDictionary(p => p.Key, p => p.Value),
        settings.StageBlueprint.Requirements.ToDictionary(r => r.Key, r => r.Value.ToArray()),
        new StoredScoring(
            settings.ScoringRules.IndustryMatchWeight,
            settings.ScoringRules.BudgetWeight,
            settings.ScoringRules.DecisionMakerWeight,
            settings.ScoringRules.UrgencyWeight,
            settings.ScoringRules.RepeatCustomerWeight,
            settings.ScoringRules.AThreshold,
            settings.ScoringRules.BThreshold),
        settings.StaleRule.Days));

    public static PipelineSettings Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json)!;
        var s = stored.Scoring;
        return new PipelineSettings(
            StageBlueprint.Create(stored.Probabilities, stored.Requirements.ToDictionary(r => r.Key, r => (IReadOnlyCollection<StageRequirement>)r.Value)),
            ScoringRules.Create(s.IndustryMatch, s.Budget, s.DecisionMaker, s.Urgency, s.RepeatCustomer, s.AThreshold, s.BThreshold),
            StaleRule.Create(stored.StaleDays));
    }

    private sealed record Stored(
        Dictionary<OpportunityStage, decimal> Probabilities,
        Dictionary<OpportunityStage, StageRequirement[]> Requirements,
        StoredScoring Scoring,
        int StaleDays);

    private sealed record StoredScoring(int IndustryMatch, int Budget, int DecisionMaker, int Urgency, int RepeatCustomer, int AThreshold, int BThreshold);
}
