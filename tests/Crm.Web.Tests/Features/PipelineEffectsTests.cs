using Crm.Web.Features.Shell;
using Crm.Web.State;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.Resources;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Features;

/// <summary>The pipeline's effects over the demo database, signed in as rep1 (Li Wei, Tmall); the manager (Wang Fang) works meanwhile.</summary>
public sealed class PipelineEffectsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private PipelineLive? _live;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Rep1);
    }

    public async Task DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    private PipelineEffects Effects => new(
        _app.Get<OpportunityCommands>(), Live, new FixedState<PipelineState>(new PipelineState()), _app.Get<RuleMessages>(), _app.Get<IStringLocalizer<SharedResource>>(), _app.Get<TimeProvider>());

    private PipelineLive Live => _live ??= new PipelineLive(
        _app.Get<IBoardFeed>(), _app.Get<OpportunityCommands>(), _app.Get<CurrentUser>(), _app.Get<PresenceTracker>(), _dispatcher,
        new FixedState<PipelineState>(new PipelineState()), new FixedState<ShellState>(new ShellState()));

    [Fact]
    public async Task WhenAValidMoveIsMade_SuccessCarriesTheSavedCardOneVersionOn()
    {
        var before = await CardAsync(DemoIds.Rep1FreshLead);

        await Effects.HandleMove(new MoveOpportunityAction(before.Id, OpportunityStage.FirstContact, before.Version), _dispatcher);

        var saved = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<MoveOpportunitySucceededAction>().Card;
        saved.Id.ShouldBe(before.Id);
        saved.Stage.ShouldBe(OpportunityStage.FirstContact);
        saved.Version.ShouldBe(before.Version + 1);
        (await CardAsync(DemoIds.Rep1FreshLead)).ShouldBe(saved);
    }

    [Fact]
    public async Task WhenSomeoneElseMovedTheCardMeanwhile_TheFailureNamesThemAndCarriesTheCurrentCard()
    {
        var seen = await CardAsync(DemoIds.Rep1FreshLead);
        await MoveAsManagerAsync(DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);
        _app.Clock.Advance(TimeSpan.FromMinutes(3));

        await Effects.HandleMove(new MoveOpportunityAction(seen.Id, OpportunityStage.NeedsAnalysis, seen.Version), _dispatcher);

        var failed = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<MoveOpportunityFailedAction>();
        failed.CardId.ShouldBe(seen.Id);
        failed.Reason.ShouldBe("Wang Fang moved this to First contact 3 min ago. Your move was not saved; the card shows the current stage.");
        var current = failed.Current.ShouldNotBeNull();
        current.Stage.ShouldBe(OpportunityStage.FirstContact);
        current.Version.ShouldBe(seen.Version + 1);
        (await CardAsync(DemoIds.Rep1FreshLead)).ShouldBe(current, "the card the board would load");
    }

    [Fact]
    public async Task WhenTheTargetNeedsASummaryTheCardLacks_TheDetailsAreAskedForAndNothingIsSaved()
    {
        var card = await CardAsync(DemoIds.Rep1NeedsAnalysisWithoutSummary);

        await Effects.HandleMove(new MoveOpportunityAction(card.Id, OpportunityStage.Proposal, card.Version), _dispatcher);

        var needs = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<MoveOpportunityNeedsCompletionAction>();
        needs.CardId.ShouldBe(card.Id);
        needs.Target.ShouldBe(OpportunityStage.Proposal);
        needs.Missing.ShouldBe([StageRequirement.NeedsSummary]);
        (await CardAsync(DemoIds.Rep1NeedsAnalysisWithoutSummary)).ShouldBe(card);
    }

    [Fact]
    public async Task WhenTheMissingSummaryIsGiven_TheMoveSucceedsAndTheSummaryIsSaved()
    {
        var card = await CardAsync(DemoIds.Rep1NeedsAnalysisWithoutSummary);

        await Effects.HandleMove(
            new MoveOpportunityAction(card.Id, OpportunityStage.Proposal, card.Version, new StageCompletion("1500 nine-leg pallets, load test passed.")), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<MoveOpportunitySucceededAction>().Card.Stage.ShouldBe(OpportunityStage.Proposal);
        await using var db = _app.Database.OpenDemo();
        (await db.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep1NeedsAnalysisWithoutSummary)).NeedsSummary.ShouldBe("1500 nine-leg pallets, load test passed.");
    }

    [Fact]
    public async Task WhenARepMovesACardTheyCannotSee_TheRefusalSaysItDoesNotExist()
    {
        await Effects.HandleMove(new MoveOpportunityAction(DemoIds.Rep2Negotiation.Value, OpportunityStage.Won, 1), _dispatcher);

        var failed = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<MoveOpportunityFailedAction>();
        failed.Reason.ShouldBe("That opportunity does not exist.");
        failed.Current.ShouldBeNull();
    }

    [Fact]
    public async Task WhenTheBoardLoads_OnlyTheRepsOwnCardsArriveWithTheTenantsSettings()
    {
        await Effects.HandleLoad(new LoadPipelineAction(), _dispatcher);

        var loaded = await _dispatcher.WaitForAsync<LoadPipelineSucceededAction>();
        loaded.Cards.ShouldNotBeEmpty();
        loaded.Cards.ShouldAllBe(c => c.OwnerId == DemoIds.Rep1.Value && c.ShopId == DemoIds.TmallShop.Value);
        loaded.Cards.Select(c => c.Id).ShouldContain(DemoIds.Rep1Stale.Value);
        loaded.Settings.ShouldBe(PipelineSettings.Default);
    }

    [Fact]
    public async Task WhenSomeoneElseMovesAVisibleCard_TheLiveLinkDispatchesTheChangeWithoutAReload()
    {
        await Effects.HandleLoad(new LoadPipelineAction(), _dispatcher);
        var before = await CardAsync(DemoIds.Rep1FreshLead);

        await MoveAsManagerAsync(DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);

        var changed = await _dispatcher.WaitForAsync<OpportunityChangedRemotelyAction>(a => a.Card.Id == before.Id);
        changed.Card.Stage.ShouldBe(OpportunityStage.FirstContact);
        changed.Card.Version.ShouldBe(before.Version + 1);
        _dispatcher.Actions.OfType<LoadPipelineSucceededAction>().Count().ShouldBe(1);
    }

    [Fact]
    public async Task WhenSomeoneElseMovesACardTheRepCannotSee_ItOnlyLeavesTheBoard()
    {
        await Effects.HandleLoad(new LoadPipelineAction(), _dispatcher);

        await MoveAsManagerAsync(DemoIds.ManagerWholesaleProposal, OpportunityStage.Lead);

        await _dispatcher.WaitForAsync<OpportunityRemovedRemotelyAction>(a => a.CardId == DemoIds.ManagerWholesaleProposal.Value);
        _dispatcher.Actions.OfType<OpportunityChangedRemotelyAction>().ShouldBeEmpty();
    }

    private async Task<OpportunityCard> CardAsync(OpportunityId id) =>
        (await _app.Get<OpportunityCommands>().LoadCardAsync(id.Value)).ShouldNotBeNull();

    private async Task MoveAsManagerAsync(OpportunityId id, OpportunityStage target)
    {
        await using var manager = _app.OpenCircuit(DemoUsers.Manager);
        var commands = manager.ServiceProvider.GetRequiredService<OpportunityCommands>();
        var card = (await commands.LoadCardAsync(id.Value)).ShouldNotBeNull();
        var outcome = await commands.MoveAsync(id.Value, target, card.Version, null);
        outcome.Moved.ShouldNotBeNull($"the manager's move was refused: {outcome.Refusal?.Message}");
    }
}
