using System.Collections.Immutable;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Approvals;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>The approvals board's state: a decision shows at once, goes back when refused, and live events never move a card backwards.</summary>
public sealed class ApprovalsReducersTests
{
    private static ApprovalsState With(params ApprovalCard[] cards) => new() { Cards = cards.ToImmutableDictionary(c => c.Id), IsLoaded = true };

    [Fact]
    public void WhenADecisionIsMade_TheCardShowsInItsColumnAtOnceWithTheComment()
    {
        var card = Samples.Approval(version: 2);
        var state = ApprovalsReducers.OnAskDecision(With(card), new AskDecisionAction(card.Id, ApprovalDecision.Reject));
        state.AwaitingDecision.ShouldBe(new DecisionRequest(card.Id, ApprovalDecision.Reject));

        state = ApprovalsReducers.OnDecideApproval(state, new DecideApprovalAction(card.Id, ApprovalDecision.Reject, "Not our region.", 2));

        state.Cards[card.Id].Status.ShouldBe(ApprovalStatus.Rejected);
        state.Cards[card.Id].Comment.ShouldBe("Not our region.");
        state.Pending[card.Id].ShouldBe(new PendingDecision(ApprovalDecision.Reject, 2));
        state.AwaitingDecision.ShouldBeNull();
    }

    [Fact]
    public void WhenADecidedCardIsDropped_NothingIsAsked()
    {
        var card = Samples.Approval(ApprovalStatus.Approved, deciderName: "Wang Fang");
        var state = With(card);

        ApprovalsReducers.OnAskDecision(state, new AskDecisionAction(card.Id, ApprovalDecision.Reject)).ShouldBeSameAs(state);
        ApprovalsReducers.OnDecideApproval(state, new DecideApprovalAction(card.Id, ApprovalDecision.Reject, "x", card.Version)).Cards[card.Id].ShouldBe(card);
    }

    [Fact]
    public void WhenTheDecisionIsRefusedWithoutTheCurrentCard_TheCardGoesBackToPendingAndTheUserIsTold()
    {
        var card = Samples.Approval(version: 2);
        var state = ApprovalsReducers.OnDecideApproval(With(card), new DecideApprovalAction(card.Id, ApprovalDecision.Approve, null, 2));

        state = ApprovalsReducers.OnDecideApprovalFailed(state, new DecideApprovalFailedAction(card.Id, "Nobody can approve their own request.", null));

        state.Cards[card.Id].ShouldBe(card);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("Nobody can approve their own request.");
    }

    [Fact]
    public void WhenSomeoneDecidedFirst_TheCardShowsTheirDecision()
    {
        var card = Samples.Approval(version: 2);
        var theirs = card with { Status = ApprovalStatus.Rejected, Version = 3, DeciderName = "Zhou Qiang", Comment = "Duplicate." };
        var state = ApprovalsReducers.OnDecideApproval(With(card), new DecideApprovalAction(card.Id, ApprovalDecision.Approve, null, 2));

        state = ApprovalsReducers.OnDecideApprovalFailed(state, new DecideApprovalFailedAction(card.Id, "Zhou Qiang already decided this request.", theirs));

        state.Cards[card.Id].ShouldBe(theirs);
        state.Pending.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAnOlderCopyArrivesLive_ItDoesNotReplaceTheNewerCard()
    {
        var decided = Samples.Approval(ApprovalStatus.Approved, version: 3, deciderName: "Wang Fang");

        var state = ApprovalsReducers.OnApprovalChangedRemotely(With(decided), new ApprovalChangedRemotelyAction(decided with { Status = ApprovalStatus.Pending, Version = 2 }));

        state.Cards[decided.Id].ShouldBe(decided);
    }

    [Fact]
    public void WhenANewRequestArrivesLive_ItIsAdded()
    {
        var state = ApprovalsReducers.OnApprovalChangedRemotely(With(), new ApprovalChangedRemotelyAction(Samples.Approval()));

        state.Cards.Count.ShouldBe(1);
    }

    [Fact]
    public void WhenTheBoardReloadsWhileADecisionIsOnItsWay_TheCardStaysWhereTheUserPutIt()
    {
        var card = Samples.Approval(version: 2);
        var state = ApprovalsReducers.OnDecideApproval(With(card), new DecideApprovalAction(card.Id, ApprovalDecision.Approve, null, 2));

        state = ApprovalsReducers.OnLoadApprovalsSucceeded(state, new LoadApprovalsSucceededAction([card]));

        state.Cards[card.Id].Status.ShouldBe(ApprovalStatus.Approved);
    }
}
