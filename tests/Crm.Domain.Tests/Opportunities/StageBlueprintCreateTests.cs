using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class StageBlueprintCreateTests
{
    private static Dictionary<OpportunityStage, decimal> Probabilities(OpportunityStage? stage = null, decimal value = 0m)
    {
        var probabilities = StageBlueprint.Default.Probabilities.ToDictionary();
        if (stage is { } s)
        {
            probabilities[s] = value;
        }

        return probabilities;
    }

    private static Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>> NoGates() => new();

    [Fact]
    public void WhenValid_KeepsProbabilitiesAndGates()
    {
        var blueprint = StageBlueprint.Create(
            Probabilities(OpportunityStage.Proposal, 40m),
            new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>>
            {
                [OpportunityStage.NeedsAnalysis] = [StageRequirement.PositiveAmount, StageRequirement.PositiveAmount],
            });

        blueprint.ProbabilityOf(OpportunityStage.Proposal).ShouldBe(40m);
        blueprint.Requirements[OpportunityStage.NeedsAnalysis].ShouldBe([StageRequirement.PositiveAmount]);
        blueprint.Requirements[OpportunityStage.Lost].ShouldBeEmpty();
        blueprint.RequirementsFor(OpportunityStage.Won).ShouldBe([StageRequirement.PositiveAmount]);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(100.5)]
    public void WhenProbabilityOutsideZeroToHundred_RefusesWithOutOfRange(double percent) =>
        Pipeline.Refused(() => StageBlueprint.Create(Probabilities(OpportunityStage.Lead, (decimal)percent), NoGates()))
            .Code.ShouldBe("blueprint.probability-out-of-range");

    [Fact]
    public void WhenAStageHasNoProbability_RefusesWithProbabilityMissing()
    {
        var probabilities = Probabilities();
        probabilities.Remove(OpportunityStage.FirstContact);

        Pipeline.Refused(() => StageBlueprint.Create(probabilities, NoGates())).Code.ShouldBe("blueprint.probability-missing");
    }

    [Theory]
    [InlineData(OpportunityStage.Won, 90)]
    [InlineData(OpportunityStage.Lost, 5)]
    public void WhenClosedStageProbabilityIsNotFixed_RefusesWithClosedProbabilityFixed(OpportunityStage stage, int percent) =>
        Pipeline.Refused(() => StageBlueprint.Create(Probabilities(stage, percent), NoGates())).Code.ShouldBe("blueprint.closed-probability-fixed");

    [Fact]
    public void WhenLostReasonGatesAnOpenStage_RefusesWithLostReasonOnlyOnLost() =>
        Pipeline.Refused(() => StageBlueprint.Create(
                Probabilities(),
                new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>> { [OpportunityStage.Proposal] = [StageRequirement.LostReason] }))
            .Code.ShouldBe("blueprint.lost-reason-only-on-lost");

    [Fact]
    public void WhenRequirementUndefined_RefusesWithRequirementInvalid() =>
        Pipeline.Refused(() => StageBlueprint.Create(
                Probabilities(),
                new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>> { [OpportunityStage.Proposal] = [(StageRequirement)7] }))
            .Code.ShouldBe("blueprint.requirement-invalid");

    [Fact]
    public void WhenStageUndefined_RefusesWithStageInvalid()
    {
        var probabilities = Probabilities();
        probabilities[(OpportunityStage)42] = 10m;

        Pipeline.Refused(() => StageBlueprint.Create(probabilities, NoGates())).Code.ShouldBe("blueprint.stage-invalid");
    }

    [Fact]
    public void WhenSameConfiguration_IsEqualWithEqualHash()
    {
        var copy = StageBlueprint.Create(
            StageBlueprint.Default.Probabilities,
            StageBlueprint.Default.Requirements.ToDictionary(r => r.Key, r => (IReadOnlyCollection<StageRequirement>)r.Value));

        copy.ShouldBe(StageBlueprint.Default);
        copy.GetHashCode().ShouldBe(StageBlueprint.Default.GetHashCode());
        StageBlueprint.Create(Probabilities(OpportunityStage.Lead, 6m), NoGates()).ShouldNotBe(StageBlueprint.Default);
    }
}
