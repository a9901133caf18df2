using Crm.Domain.Opportunities;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityMoveToTests
{
    private static readonly DateTimeOffset Later = Pipeline.Start.AddHours(5);

    [Fact]
    public void WhenTargetIsTheSameStage_ChangesNothingAndRaisesNothing()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.NeedsAnalysis).Build();
        var history = opportunity.StageHistory.Count;

        opportunity.MoveTo(OpportunityStage.NeedsAnalysis, Pipeline.Blueprint, Pipeline.Rep, actorIsManager: false, Later);

        opportunity.StageEnteredAt.ShouldBe(Pipeline.Start);
        opportunity.StageHistory.Count.ShouldBe(history);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenMovingForward_EntersStageRecordsChangeAndRaisesMoved()
    {
        var opportunity = new OpportunityBuilder().Build();

        opportunity.MoveTo(OpportunityStage.FirstContact, Pipeline.Blueprint, Pipeline.Rep, actorIsManager: false, Later);

        opportunity.Stage.ShouldBe(OpportunityStage.FirstContact);
        opportunity.StageEnteredAt.ShouldBe(Later);
        var change = opportunity.StageHistory.ShouldHaveSingleItem();
        change.From.ShouldBe(OpportunityStage.Lead);
        change.To.ShouldBe(OpportunityStage.FirstContact);
        change.ById.ShouldBe(Pipeline.Rep);
        change.At.ShouldBe(Later);
        change.IsBackwards.ShouldBeFalse();
        change.OpportunityId.ShouldBe(opportunity.Id);
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBe(
            new OpportunityMoved(opportunity.Id, Pipeline.Tenant, OpportunityStage.Lead, OpportunityStage.FirstContact, Pipeline.Rep, Later)
            {
                EventId = opportunity.DomainEvents.Single().EventId,
            });
    }

    [Fact]
    public void WhenMovingBackwardsBetweenOpenStages_MovesAndRecordsItAsBackwards()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Negotiation).Build();

        opportunity.MoveTo(OpportunityStage.NeedsAnalysis, Pipeline.Blueprint, Pipeline.Rep, actorIsManager: false, Later);

        opportunity.Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        var change = opportunity.StageHistory.Single(c => c.At == Later);
        change.From.ShouldBe(OpportunityStage.Negotiation);
        change.IsBackwards.ShouldBeTrue();
        opportunity.DomainEvents.OfType<OpportunityMoved>().ShouldHaveSingleItem().To.ShouldBe(OpportunityStage.NeedsAnalysis);
    }

    [Fact]
    public void WhenMovingIntoLost_IsNotBackwards()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Proposal).Build();

        opportunity.MoveTo(OpportunityStage.Lost, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(LostReason: "预算取消"));

        opportunity.StageHistory.Single(c => c.At == Later).IsBackwards.ShouldBeFalse();
    }

    [Fact]
    public void WhenProposalWithoutNeedsSummary_RefusesWithNeedsSummaryCodeAndMessage()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.NeedsAnalysis).Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Proposal, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.stage-requires-needs-summary");
        refusal.Message.ShouldBe("A needs summary is required before Proposal.");
        refusal.Arguments.ShouldBe(new object[] { OpportunityStage.Proposal });
        opportunity.Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenProposalWithNeedsSummaryInCompletion_MovesAndKeepsTheSummary()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.NeedsAnalysis).Build();

        opportunity.MoveTo(
            OpportunityStage.Proposal, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(NeedsSummary: "  800 块网格托盘，载重 1.5 吨  "));

        opportunity.Stage.ShouldBe(OpportunityStage.Proposal);
        opportunity.NeedsSummary.ShouldBe("800 块网格托盘，载重 1.5 吨");
        opportunity.DomainEvents.Select(e => e.GetType()).ShouldBe([typeof(OpportunityEdited), typeof(OpportunityMoved)]);
    }

    [Fact]
    public void WhenNegotiationWithZeroAmount_RefusesWithAmountCode()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).InStage(OpportunityStage.Proposal).Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.stage-requires-amount");
        refusal.Message.ShouldBe("An amount greater than zero is required before Negotiation.");
        opportunity.Stage.ShouldBe(OpportunityStage.Proposal);
    }

    [Fact]
    public void WhenNegotiationWithAmountInCompletion_MovesAndKeepsTheAmount()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).InStage(OpportunityStage.Proposal).Build();

        opportunity.MoveTo(
            OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(Amount: Pipeline.Cny(64_000m)));

        opportunity.Stage.ShouldBe(OpportunityStage.Negotiation);
        opportunity.Amount.ShouldBe(Pipeline.Cny(64_000m));
        opportunity.DomainEvents.OfType<OpportunityEdited>().ShouldHaveSingleItem().Amount.ShouldBe(Pipeline.Cny(64_000m));
    }

    [Fact]
    public void WhenSkippingToNegotiationWithoutSummary_RefusesBecauseGatesAccumulate()
    {
        var opportunity = new OpportunityBuilder().Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.stage-requires-needs-summary");
        refusal.Message.ShouldBe("A needs summary is required before Negotiation.");
    }

    [Fact]
    public void WhenSkippingToNegotiationWithEverythingInCompletion_Moves()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        opportunity.MoveTo(
            OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later,
            new StageCompletion(NeedsSummary: "Replace wooden pallets in two cold stores.", Amount: Pipeline.Cny(210_000m)));

        opportunity.Stage.ShouldBe(OpportunityStage.Negotiation);
    }

    [Fact]
    public void WhenWonWithZeroAmount_RefusesWithAmountCode()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).InStage(OpportunityStage.Proposal).Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Won, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.stage-requires-amount");
        refusal.Message.ShouldBe("An amount greater than zero is required before Won.");
    }

    [Fact]
    public void WhenWonWithAmountInCompletion_IsWon()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).InStage(OpportunityStage.Proposal).Build();

        opportunity.MoveTo(OpportunityStage.Won, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(Amount: Pipeline.Cny(99_500m)));

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
        opportunity.IsClosed.ShouldBeTrue();
        opportunity.Amount.ShouldBe(Pipeline.Cny(99_500m));
    }

    [Fact]
    public void WhenWonStraightFromLeadWithoutSummary_RefusesWithNeedsSummaryCode()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Won, Pipeline.Blueprint, Pipeline.Rep, false, Later))
            .Code.ShouldBe("opportunity.stage-requires-needs-summary");
    }

    [Fact]
    public void WhenLostWithoutReason_RefusesWithLostReasonCode()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.FirstContact).Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Lost, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.lost-requires-reason");
        refusal.Message.ShouldBe("A reason is required to mark an opportunity as lost.");
    }

    [Fact]
    public void WhenLostWithBlankReason_RefusesWithLostReasonCode()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Lost, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(LostReason: "  ")))
            .Code.ShouldBe("opportunity.lost-requires-reason");
    }

    [Fact]
    public void WhenLostFromLeadWithReason_IsLostWithoutNeedingSummaryOrAmount()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        opportunity.MoveTo(OpportunityStage.Lost, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(LostReason: " 客户选择了木托盘 "));

        opportunity.Stage.ShouldBe(OpportunityStage.Lost);
        opportunity.LostReason.ShouldBe("客户选择了木托盘");
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityMoved>();
    }

    [Fact]
    public void WhenLostReasonGivenForAnotherStage_RefusesWithLostReasonOnlyWhenLost()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.MoveTo(
                OpportunityStage.FirstContact, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(LostReason: "Too expensive")))
            .Code.ShouldBe("opportunity.lost-reason-only-when-lost");
    }

    [Fact]
    public void WhenRefused_AppliesNothingOfTheCompletion()
    {
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        Pipeline.Refused(() => opportunity.MoveTo(
            OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(Amount: Pipeline.Cny(5_000m))));

        opportunity.Amount.Amount.ShouldBe(0m);
        opportunity.Stage.ShouldBe(OpportunityStage.Lead);
        opportunity.StageHistory.ShouldBeEmpty();
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenCompletionNeedsSummaryTooLong_RefusesWithTooLong()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.NeedsAnalysis).Build();
        var summary = new string('需', OpportunityLimits.NeedsSummaryMaxLength + 1);

        Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Proposal, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(summary)))
            .Code.ShouldBe("opportunity.needs-summary-too-long");
    }

    [Fact]
    public void WhenCompletionLostReasonTooLong_RefusesWithTooLong()
    {
        var opportunity = new OpportunityBuilder().Build();
        var reason = new string('因', OpportunityLimits.LostReasonMaxLength + 1);

        Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Lost, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(LostReason: reason)))
            .Code.ShouldBe("opportunity.lost-reason-too-long");
    }

    [Fact]
    public void WhenCompletionAmountNegative_RefusesWithAmountNegative()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.MoveTo(
                OpportunityStage.FirstContact, Pipeline.Blueprint, Pipeline.Rep, false, Later, new StageCompletion(Amount: Pipeline.Cny(-1m))))
            .Code.ShouldBe("opportunity.amount-negative");
    }

    [Theory]
    [InlineData(OpportunityStage.Won)]
    [InlineData(OpportunityStage.Lost)]
    public void WhenRepMovesOutOfClosedStage_RefusesWithReopenRequiresManager(OpportunityStage closed)
    {
        var opportunity = new OpportunityBuilder().InStage(closed).Build();

        var refusal = Pipeline.Refused(() => opportunity.MoveTo(OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Rep, false, Later));

        refusal.Code.ShouldBe("opportunity.reopen-requires-manager");
        opportunity.Stage.ShouldBe(closed);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenManagerReopensLost_MovesClearsLostReasonAndRecordsBackwards()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Lost).Build();

        opportunity.MoveTo(OpportunityStage.FirstContact, Pipeline.Blueprint, Pipeline.Manager, actorIsManager: true, Later);

        opportunity.Stage.ShouldBe(OpportunityStage.FirstContact);
        opportunity.LostReason.ShouldBeNull();
        var reopen = opportunity.StageHistory.Single(c => c.At == Later);
        reopen.From.ShouldBe(OpportunityStage.Lost);
        reopen.ById.ShouldBe(Pipeline.Manager);
        reopen.IsBackwards.ShouldBeTrue();
        opportunity.DomainEvents.OfType<OpportunityMoved>().ShouldHaveSingleItem().ActorId.ShouldBe(Pipeline.Manager);
    }

    [Fact]
    public void WhenManagerReopensWon_StillChecksTheTargetGates()
    {
        var opportunity = new OpportunityBuilder().InStage(OpportunityStage.Won).Build();

        opportunity.MoveTo(OpportunityStage.Negotiation, Pipeline.Blueprint, Pipeline.Manager, actorIsManager: true, Later);

        opportunity.Stage.ShouldBe(OpportunityStage.Negotiation);
        opportunity.IsClosed.ShouldBeFalse();
    }

    [Fact]
    public void WhenBlueprintHasNoGates_AnyForwardMoveIsAllowed()
    {
        var open = StageBlueprint.Create(StageBlueprint.Default.Probabilities, new Dictionary<OpportunityStage, IReadOnlyCollection<StageRequirement>>());
        var opportunity = new OpportunityBuilder().WithAmount(0m).Build();

        opportunity.MoveTo(OpportunityStage.Won, open, Pipeline.Rep, false, Later);

        opportunity.Stage.ShouldBe(OpportunityStage.Won);
    }

    [Fact]
    public void WhenTargetUndefined_RefusesWithStageInvalid()
    {
        var opportunity = new OpportunityBuilder().Build();

        Pipeline.Refused(() => opportunity.MoveTo((OpportunityStage)99, Pipeline.Blueprint, Pipeline.Rep, false, Later))
            .Code.ShouldBe("opportunity.stage-invalid");
    }
}
