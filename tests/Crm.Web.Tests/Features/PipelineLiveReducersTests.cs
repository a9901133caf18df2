using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Realtime;
using Crm.Web.State;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Features;

/// <summary>Loads and remote changes: versions only go forward, and a move of ours on its way keeps its place.</summary>
public sealed class PipelineLiveReducersTests
{
    private static readonly OpportunityCard Card = Samples.Card(OpportunityStage.NeedsAnalysis, version: 3);

    [Fact]
    public void WhenTheBoardStartsLoading_TheStateSaysLoading()
    {
        PipelineReducers.OnLoadPipeline(new PipelineState(), new LoadPipelineAction()).IsLoading.ShouldBeTrue();
    }

    [Fact]
    public void WhenTheBoardLoads_ItsCardsAndSettingsReplaceWhatWasShown()
    {
        var gone = Samples.Card();
        var loading = Samples.PipelineWith(gone) with { IsLoading = true, IsLoaded = false };
        var settings = PipelineSettings.Default with { StaleRule = StaleRule.Create(14) };

        var state = PipelineReducers.OnLoadPipelineSucceeded(loading, new LoadPipelineSucceededAction([Card], settings));

        state.Cards.Values.ShouldBe([Card]);
        state.Settings.ShouldBe(settings);
        state.IsLoading.ShouldBeFalse();
        state.IsLoaded.ShouldBeTrue();
    }

    [Fact]
    public void WhenTheBoardReloadsDuringAMoveOfOurs_TheCardStaysWhereTheUserPutIt()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        var state = PipelineReducers.OnLoadPipelineSucceeded(moving, new LoadPipelineSucceededAction([Card], PipelineSettings.Default));

        state.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Proposal);
        state.Pending.ShouldContainKey(Card.Id);
    }

    [Fact]
    public void WhenTheBoardReloadsAfterSomeoneElseChangedAPendingCard_TheServersCardIsShown()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var theirs = Card with { Stage = OpportunityStage.Lost, Version = 4 };

        var state = PipelineReducers.OnLoadPipelineSucceeded(moving, new LoadPipelineSucceededAction([theirs], PipelineSettings.Default));

        state.Cards[Card.Id].ShouldBe(theirs);
    }

    [Fact]
    public void WhenANewerVersionArrivesRemotely_ItReplacesTheCard()
    {
        var moved = Card with { Stage = OpportunityStage.Proposal, Version = 4 };

        var state = PipelineReducers.OnOpportunityChangedRemotely(Samples.PipelineWith(Card), new OpportunityChangedRemotelyAction(moved));

        state.Cards[Card.Id].ShouldBe(moved);
    }

    [Fact]
    public void WhenAnOlderVersionArrivesRemotely_TheNewerCardStays()
    {
        var older = Card with { Stage = OpportunityStage.Lead, Version = 2 };

        var state = PipelineReducers.OnOpportunityChangedRemotely(Samples.PipelineWith(Card), new OpportunityChangedRemotelyAction(older));

        state.Cards[Card.Id].ShouldBe(Card);
    }

    [Fact]
    public void WhenAnUnknownCardArrivesRemotely_ItIsAdded()
    {
        var added = Samples.Card(OpportunityStage.Lead);

        var state = PipelineReducers.OnOpportunityChangedRemotely(Samples.PipelineWith(Card), new OpportunityChangedRemotelyAction(added));

        state.Cards.Keys.ShouldBe([Card.Id, added.Id], ignoreOrder: true);
    }

    [Fact]
    public void WhenAnOlderOrEqualVersionArrivesDuringAMoveOfOurs_OurMoveKeepsItsPlace()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));

        var late = PipelineReducers.OnOpportunityChangedRemotely(moving, new OpportunityChangedRemotelyAction(Card));
        var older = PipelineReducers.OnOpportunityChangedRemotely(moving, new OpportunityChangedRemotelyAction(Card with { Stage = OpportunityStage.Lead, Version = 2 }));

        late.ShouldBeSameAs(moving);
        older.ShouldBeSameAs(moving);
        moving.Cards[Card.Id].Stage.ShouldBe(OpportunityStage.Proposal);
    }

    [Fact]
    public void WhenANewerVersionArrivesDuringAMoveOfOurs_ItIsShownAndOurOutcomeIsStillAwaited()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var theirs = Card with { Stage = OpportunityStage.Lost, Version = 4 };

        var state = PipelineReducers.OnOpportunityChangedRemotely(moving, new OpportunityChangedRemotelyAction(theirs));

        state.Cards[Card.Id].ShouldBe(theirs);
        state.Pending.ShouldContainKey(Card.Id);
    }

    [Fact]
    public void WhenOurSuccessArrivesAfterANewerRemoteVersion_TheNewerVersionStays()
    {
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var later = Card with { Stage = OpportunityStage.Negotiation, Version = 5 };
        var remote = PipelineReducers.OnOpportunityChangedRemotely(moving, new OpportunityChangedRemotelyAction(later));

        var state = PipelineReducers.OnMoveOpportunitySucceeded(remote, new MoveOpportunitySucceededAction(Card with { Stage = OpportunityStage.Proposal, Version = 4 }));

        state.Cards[Card.Id].ShouldBe(later);
        state.Pending.ShouldBeEmpty();
    }

    [Fact]
    public void WhenOurFailureArrivesAfterANewerRemoteVersion_TheNewerVersionStays()
    {
        // The conflict's current card (version 4) was read before someone moved the card again (version 5, already shown).
        var moving = PipelineReducers.OnMoveOpportunity(Samples.PipelineWith(Card), new MoveOpportunityAction(Card.Id, OpportunityStage.Proposal, 3));
        var later = Card with { Stage = OpportunityStage.Won, Version = 5 };
        var remote = PipelineReducers.OnOpportunityChangedRemotely(moving, new OpportunityChangedRemotelyAction(later));

        var state = PipelineReducers.OnMoveOpportunityFailed(
            remote, new MoveOpportunityFailedAction(Card.Id, "Wang Fang moved this to Lost.", Card with { Stage = OpportunityStage.Lost, Version = 4 }));

        state.Cards[Card.Id].ShouldBe(later);
        state.Pending.ShouldBeEmpty();
        state.Notice.ShouldNotBeNull().Message.ShouldBe("Wang Fang moved this to Lost.");
    }

    [Fact]
    public void WhenACardIsRemovedRemotely_ItLeavesTheBoard()
    {
        var other = Samples.Card();

        var state = PipelineReducers.OnOpportunityRemovedRemotely(Samples.PipelineWith(Card, other), new OpportunityRemovedRemotelyAction(Card.Id));

        state.Cards.Keys.ShouldBe([other.Id]);
    }

    [Fact]
    public void WhenAnUnknownCardIsRemovedRemotely_TheStateIsReturnedUnchanged()
    {
        var before = Samples.PipelineWith(Card);

        PipelineReducers.OnOpportunityRemovedRemotely(before, new OpportunityRemovedRemotelyAction(Guid.NewGuid())).ShouldBeSameAs(before);
    }

    [Fact]
    public void WhenPresenceChanges_TheBoardShowsWhoIsThere()
    {
        PresenceEntry zhang = new(Guid.NewGuid(), "rep2@demo.local", "Zhang Min", Card.Id);

        var state = PipelineReducers.OnPipelinePresenceChanged(Samples.PipelineWith(Card), new PipelinePresenceChangedAction([zhang]));

        state.Presence.ShouldBe([zhang]);
    }

    [Fact]
    public void WhenLoadingFails_LoadingEnds()
    {
        var loading = new PipelineState { IsLoading = true };

        PipelineReducers.OnEffectFailed(loading, new EffectFailedAction(new LoadPipelineAction(), new InvalidOperationException())).IsLoading.ShouldBeFalse();
    }
}
