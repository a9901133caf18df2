namespace Crm.Domain.Opportunities;

/// <summary>A tenant's pipeline configuration: stage gates and probabilities, scoring, and the stale period.</summary>
public sealed record PipelineSettings(StageBlueprint StageBlueprint, ScoringRules ScoringRules, StaleRule StaleRule)
{
    public static PipelineSettings Default { get; } = new(StageBlueprint.Default, ScoringRules.Default, StaleRule.Default);
}
