using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Admin;

/// <summary>What the settings form edits; the domain's factories validate it on save.</summary>
public sealed record PipelineSettingsInput(
    ImmutableDictionary<OpportunityStage, decimal> Probabilities,
    ImmutableDictionary<OpportunityStage, ImmutableHashSet<StageRequirement>> Requirements,
    int IndustryMatchWeight,
    int BudgetWeight,
    int DecisionMakerWeight,
    int UrgencyWeight,
    int RepeatCustomerWeight,
    int AThreshold,
    int BThreshold,
    int StaleDays)
{
    public static PipelineSettingsInput From(PipelineSettings s) => new(
        s.StageBlueprint.Probabilities.ToImmutableDictionary(),
        s.StageBlueprint.Requirements.ToImmutableDictionary(r => r.Key, r => r.Value.ToImmutableHashSet()),
        s.ScoringRules.IndustryMatchWeight,
        s.ScoringRules.BudgetWeight,
        s.ScoringRules.DecisionMakerWeight,
        s.ScoringRules.UrgencyWeight,
        s.ScoringRules.RepeatCustomerWeight,
        s.ScoringRules.AThreshold,
        s.ScoringRules.BThreshold,
        s.StaleRule.Days);

    public PipelineSettings ToSettings() => new(
        StageBlueprint.Create(Probabilities, Requirements.ToDictionary(r => r.Key, r => (IReadOnlyCollection<StageRequirement>)r.Value)),
        ScoringRules.Create(IndustryMatchWeight, BudgetWeight, DecisionMakerWeight, UrgencyWeight, RepeatCustomerWeight, AThreshold, BThreshold),
        StaleRule.Create(StaleDays));
}

public sealed class PipelineSettingsCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<PipelineSettingsInput> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return PipelineSettingsInput.From(await TenantSettings.PipelineAsync(db, cancellationToken));
    }

    public async Task SaveAsync(PipelineSettingsInput input, CancellationToken cancellationToken = default)
    {
        if (!currentUser.RequireScope().IsAdmin)
        {
            throw new DomainRuleViolation("pipeline-settings.admin-only", "Only an administrator changes the pipeline rules.");
        }

        var settings = input.ToSettings();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tenant = await db.Tenants.SingleAsync(cancellationToken);
        tenant.ConfigurePipeline(settings, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }
}
