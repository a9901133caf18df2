using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>A move shown at once, then confirmed, refused, or held for the details the blueprint asks for.</summary>
public sealed class PipelineMoveReducersTests
{
    private static readonly OpportunityCard Card = Samples.Card(OpportunityStage.NeedsAnalysis, version: 3);

    [Fact]
    public void WhenACardIsMoved_ItShowsInTheTargetAtOnceAndTheMoveIsPending()
    {
        var state = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        state.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Proposal);
        state.Cards[Card.Id].Version.ShouldBe(3);
        state.Pending[Card.Id].ShouldBe(new PendingMove(OpportunityStage.NeedsAnalysis, OpportunityStage.Proposal, 3));
    }

    [Fact]
    public void WhenAPendingCardIsMovedAgain_ItKeepsItsOriginAndTheVersionItWasMovedFrom()
    {
        var once = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        var twice = PipelineReducers.OnMoveOpportunity(once, new MoveOpportunityAction(Card.Id, OpportunityStage.Negotiation, 3));

        twice.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Negotiation);
        twice.Pending[Card.Id].ShouldBe(new PendingMove(OpportunityStage.NeedsAnalysis, OpportunityStage.Negotiation, 3));
    }

    [Fact]
    public void WhenAnUnknownCardIsMoved_TheStateIsReturnedUnchanged()
    {
        var before = Samples.PipelineWith(Card);

        PipelineReducers.OnMoveOpportunity(before, new MoveOpportunityAction(Guid.NewGuid(), OpportunityStage.Won, 1)).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenTheMoveSucceeds_TheServersCardReplacesTheOptimisticOneAndNothingIsPending()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var saved = Card with { Stage = OpportunityStage.Proposal, Version = 4, Score = 80 };

        var state = PipelineReducers.OnMoveOpportunitySucceeded(moving, new MoveOpportunitySucceededAction(saved));

        state.Cards[Card.Id].ShouldBe(saved);
        state.Pending.ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheMoveFailsWithTheServersCard_TheCardShowsWhatTheServerHasAndTheUserIsTold()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var theirs = Card with { Stage = OpportunityStage.Lost, Version = 4 };

        var state = PipelineReducers.OnMoveOpportunityFailed(moving, new MoveOpportunityFailedAction(Card.Id, "Wang Fang moved this to Lost 5 s ago.", theirs));

        state.Cards[Card.Id].ShouldBe(theirs);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("Wang Fang moved this to Lost 5 s ago.");
        state.Notice.IsError.ShouldBeTrue();
    }

    [Fact]
    public void WhenTheMoveFailsWithoutACurrentCard_TheCardGoesBackToWhereItWas()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        var state = PipelineReducers.OnMoveOpportunityFailed(moving, new MoveOpportunityFailedAction(Card.Id, "Refused.", null));

        state.Cards[Card.Id].ShouldBe(Card);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("Refused.");
    }

    [Fact]
    public void WhenTwoMovesFail_EachNoticeHasItsOwnId()
    {
        var first = PipelineReducers.OnMoveOpportunityFailed(Samples.PipelineWith(Card), new MoveOpportunityFailedAction(Card.Id, "First.", null));

        var second = PipelineReducers.OnMoveOpportunityFailed(first, new MoveOpportunityFailedAction(Card.Id, "Second.", null));

        second.Notice.ShouldNotBeNull().Id.ShouldNotBe(first.Notice.ShouldNotBeNull().Id);
        second.Notice.Message.ShouldBe("Second.");
    }

    [Fact]
    public void WhenTheMoveEffectThrows_TheCardGoesBackAndTheUserReadsTheError()
    {
        var move = new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3);
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), move);

        var state = PipelineReducers.OnEffectFailed(moving, new EffectFailedAction(move, new InvalidOperationException("database is locked")));

        state.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("database is locked");
    }

    [Fact]
    public void WhenTheMoveNeedsDetails_TheCardStaysInTheTargetAndTheDetailsAreAskedFor()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        var state = PipelineReducers.OnMoveOpportunityNeedsCompletion(
            moving, new MoveOpportunityNeedsCompletionAction(Card.Id, OpportunityStage.Proposal, [StageRequirement.NeedsSummary]));

        state.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Proposal);
        state.Pending.ShouldContainKey(Card.Id);
        var request = state.AwaitingCompletion.ShouldNotBeNull();
        request.CardId.ShouldBe(Card.Id);
        request.Target.ShouldBe(OpportunityStage.Proposal);
        request.Missing.ShouldBe([StageRequirement.NeedsSummary]);
    }

    [Fact]
    public void WhenTheDetailsAreGiven_TheDialogIsDoneAndTheMoveStaysPending()
    {
        var asking = PipelineReducers.OnMoveOpportunityNeedsCompletion(
            PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3)),
            new MoveOpportunityNeedsCompletionAction(Card.Id, OpportunityStage.Proposal, [StageRequirement.NeedsSummary]));

        var state = PipelineReducers.OnMoveOpportunity(asking, new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3, new StageCompletion("800 pallets.")));

        state.AwaitingCompletion.ShouldBeNull();
        state.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Proposal);
        state.Pending[Card.Id].ShouldBe(new PendingMove(OpportunityStage.NeedsAnalysis, OpportunityStage.Proposal, 3));
    }

    [Fact]
    public void WhenTheDetailsAreCancelled_TheCardGoesBackAndTheUserReadsWhy()
    {
        var asking = PipelineReducers.OnMoveOpportunityNeedsCompletion(
            PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3)),
            new MoveOpportunityNeedsCompletionAction(Card.Id, OpportunityStage.Proposal, [StageRequirement.NeedsSummary]));

        var state = PipelineReducers.OnCancelOpportunityCompletion(asking, new CancelOpportunityCompletionAction("Move cancelled: Proposal needs the details you did not give."));

        state.Cards[Card.Id].ShouldBe(Card);
        state.Pending.ShouldBeEmpty();
        state.AwaitingCompletion.ShouldBeNull();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("Move cancelled: Proposal needs the details you did not give.");
    }

    [Fact]
    public void WhenNothingAwaitsDetails_CancellingChangesNothing()
    {
        var before = Samples.PipelineWith(Card);

        PipelineReducers.OnCancelOpportunityCompletion(before, new CancelOpportunityCompletionAction("Move cancelled.")).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenTheNoticeIsShown_ItIsClearedButALaterOneIsKept()
    {
        var failed = PipelineReducers.OnMoveOpportunityFailed(Samples.PipelineWith(Card), new MoveOpportunityFailedAction(Card.Id, "Refused.", null));
        var id = failed.Notice.ShouldNotBeNull().Id;

        PipelineReducers.OnNoticeShown(failed, new NoticeShownAction(id)).Notice.ShouldBeNull();
        PipelineReducers.OnNoticeShown(failed, new NoticeShownAction(id - 1)).ShouldBeSameAs(failed);
    }
}
