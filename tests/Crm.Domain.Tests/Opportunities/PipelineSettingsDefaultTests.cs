using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class PipelineSettingsDefaultTests
{
    [Fact]
    public void WhenDefault_BundlesTheDefaultBlueprintScoringAndStaleRule()
    {
        var settings = PipelineSettings.Default;

        settings.StageBlueprint.ShouldBe(StageBlueprint.Default);
        settings.ScoringRules.ShouldBe(ScoringRules.Default);
        settings.StaleRule.ShouldBe(StaleRule.Default);
    }

    [Fact]
    public void WhenOnePartChanges_IsAnotherValue()
    {
        var changed = PipelineSettings.Default with { StaleRule = StaleRule.Create(3) };

        changed.ShouldNotBe(PipelineSettings.Default);
        (changed with { StaleRule = StaleRule.Default }).ShouldBe(PipelineSettings.Default);
    }
}
