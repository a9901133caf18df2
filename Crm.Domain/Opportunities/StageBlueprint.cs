using System.Collections.Immutable;
using System.Collections.ObjectModel;
using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

/// <summary>Something an opportunity must have before it may enter a stage.</summary>
public enum StageRequirement
{
    NeedsSummary,
    PositiveAmount,
    LostReason,
}

/// <summary>
/// The tenant's blueprint (蓝图) of the pipeline: the default win probability of each stage (in
/// percent) and the gates each stage sets.
/// <para>
/// Gates accumulate along the process: entering an open stage, or Won, also requires what every
/// open stage before it requires, so skipping columns cannot skip a gate (with the defaults,
/// Negotiation and Won need a needs summary <em>and</em> an amount). Lost is reached from anywhere
/// and requires only its own gates. Won is always 100 % and Lost 0 %; a lost reason can only be
/// a gate of Lost.
/// </para>
/// </summary>
public sealed record StageBlueprint
{
    private static readonly OpportunityStage[] Stages = Enum.GetValues<OpportunityStage>();

    // Immutable, so that a blueprint inside a feature state is provably immutable too.
    private readonly ImmutableArray<decimal> _probabilities;
    private readonly ImmutableArray<ImmutableArray<StageRequirement>> _requirements;

    private StageBlueprint(ImmutableArray<decimal> probabilities, ImmutableArray<ImmutableArray<StageRequirement>> requirements)
    {
        _probabilities = probabilities;
        _requirements = requirements;
    }

    /// <summary>Lead 5, first contact 10, needs analysis 25, proposal 50, negotiation 75, won 100, lost 0;
    /// proposal needs a needs summary, negotiation and won a positive amount, lost a reason.</summary>
    public static StageBlueprint Default { get; } = Create(
        new Dictionary<OpportunityStage, decimal>
        {
            [OpportunityStage.Lead] = 5m,
            [OpportunityStage.FirstContact] = 10m,
            [OpportunityStage.NeedsAnalysis] = 25m,
            [OpportunityStage.Proposal] = 50m,
            [OpportunityStage.Negotiation] = 75m,
            [OpportunityStage.Won] = 100m,
            [OpportunityStage.Lost] = 0m,
        },
        new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>>
        {
            [OpportunityStage.Proposal] = [StageRequirement.NeedsSummary],
            [OpportunityStage.Negotiation] = [StageRequirement.PositiveAmount],
            [OpportunityStage.Won] = [StageRequirement.PositiveAmount],
            [OpportunityStage.Lost] = [StageRequirement.LostReason],
        });

    /// <summary>Win probability in percent (0–100), per stage.</summary>
    public IReadOnlyDictionary<OpportunityStage, decimal> Probabilities =>
        new ReadOnlyDictionary<OpportunityStage, decimal>(Stages.ToDictionary(s => s, s => _probabilities[(int)s]));

    /// <summary>The gates as configured, per stage (without the accumulation; see <see cref="RequirementsFor"/>).</summary>
    public IReadOnlyDictionary<OpportunityStage, IReadOnlyList<StageRequirement>> Requirements =>
        new ReadOnlyDictionary<OpportunityStage, IReadOnlyList<StageRequirement>>(
            Stages.ToDictionary(s => s, s => (IReadOnlyList<StageRequirement>)[.. _requirements[(int)s]]));

    /// <param name="probabilities">Every stage, in percent 0–100; Won 100 and Lost 0.</param>
    /// <param name="requirements">The gates per stage; stages left out have none.</param>
    public static StageBlueprint Create(
        IReadOnlyDictionary<OpportunityStage, decimal> probabilities,
        IReadOnlyDictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>> requirements)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(requirements);
        foreach (var stage in probabilities.Keys.Concat(requirements.Keys))
        {
            EnumGuard.Defined(stage, "blueprint.stage-invalid", "stage");
        }

        var percent = new decimal[Stages.Length];
        foreach (var stage in Stages)
        {
            if (!probabilities.TryGetValue(stage, out var p))
            {
                throw new DomainRuleViolation("blueprint.probability-missing", $"Give a win probability for {stage.Describe()}.", stage);
            }

            if (p is < 0m or > 100m)
            {
                throw new DomainRuleViolation(
                    "blueprint.probability-out-of-range", $"The win probability of {stage.Describe()} must be between 0 and 100 %.", stage);
            }

            percent[(int)stage] = p;
        }

        if (percent[(int)OpportunityStage.Won] != 100m || percent[(int)OpportunityStage.Lost] != 0m)
        {
            throw new DomainRuleViolation("blueprint.closed-probability-fixed", "Won is always 100 % and Lost 0 %.");
        }

        var gates = new ImmutableArray<StageRequirement>[Stages.Length];
        foreach (var stage in Stages)
        {
            var own = requirements.TryGetValue(stage, out var given) ? given : [];
            foreach (var requirement in own)
            {
                EnumGuard.Defined(requirement, "blueprint.requirement-invalid", "stage requirement");
                if (requirement == StageRequirement.LostReason && stage != OpportunityStage.Lost)
                {
                    throw new DomainRuleViolation("blueprint.lost-reason-only-on-lost", "Only the Lost stage can ask for a lost reason.", stage);
                }
            }

            gates[(int)stage] = [.. own.Distinct().Order()];
        }

        return new StageBlueprint([.. percent], [.. gates]);
    }

    public decimal ProbabilityOf(OpportunityStage stage) =>
        _probabilities[(int)EnumGuard.Defined(stage, "opportunity.stage-invalid", "stage")];

    /// <summary>Everything entering <paramref name="target"/> requires, including the gates of the open stages before it.</summary>
    public IReadOnlyList<StageRequirement> RequirementsFor(OpportunityStage target)
    {
        EnumGuard.Defined(target, "opportunity.stage-invalid", "stage");
        IEnumerable<OpportunityStage> passed = target switch
        {
            OpportunityStage.Lost => [OpportunityStage.Lost],
            OpportunityStage.Won => [.. OpportunityStages.Open, OpportunityStage.Won],
            _ => OpportunityStages.Open.Where(s => s <= target),
        };
        return [.. passed.SelectMany(s => _requirements[(int)s]).Distinct().Order()];
    }

    /// <summary>
    /// What the opportunity still lacks to enter <paramref name="target"/>, in a stable order; empty
    /// when it may move (or is already there). The UI asks for exactly these in its dialog.
    /// Permissions (reopening needs a manager) are not part of it.
    /// </summary>
    public IReadOnlyList<StageRequirement> MissingFor(Opportunity opportunity, OpportunityStage target)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        return opportunity.Stage == target
            ? []
            : Missing(target, opportunity.NeedsSummary, opportunity.Amount, lostReason: null);
    }

    /// <summary>What is still missing once the user's <paramref name="completion"/> is applied, as <see cref="Opportunity.MoveTo"/> will see it.</summary>
    public IReadOnlyList<StageRequirement> MissingFor(Opportunity opportunity, OpportunityStage target, StageCompletion? completion)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (opportunity.Stage == target)
        {
            return [];
        }

        var needsSummary = string.IsNullOrWhiteSpace(completion?.NeedsSummary) ? opportunity.NeedsSummary : completion.NeedsSummary;
        return Missing(target, needsSummary, completion?.Amount ?? opportunity.Amount, completion?.LostReason);
    }

    internal IReadOnlyList<StageRequirement> Missing(OpportunityStage target, string? needsSummary, Money amount, string? lostReason) =>
        [.. RequirementsFor(target).Where(r => r switch
        {
            StageRequirement.NeedsSummary => string.IsNullOrWhiteSpace(needsSummary),
            StageRequirement.PositiveAmount => amount.Amount <= 0m,
            StageRequirement.LostReason => string.IsNullOrWhiteSpace(lostReason),
            _ => false,
        })];

    public bool Equals(StageBlueprint? other) =>
        other is not null
        && _probabilities.SequenceEqual(other._probabilities)
        && _requirements.Zip(other._requirements).All(pair => pair.First.SequenceEqual(pair.Second));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in _probabilities)
        {
            hash.Add(p);
        }

        foreach (var requirement in _requirements.SelectMany(r => r))
        {
            hash.Add(requirement);
        }

        return hash.ToHashCode();
    }
}
