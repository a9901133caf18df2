using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Components.Kanban;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

/// <summary>
/// The live pipeline board over the demo database, signed in as rep1 (Li Wei, Tmall): its real effects load and
/// move cards, its live link receives what others change.
/// </summary>
public sealed class PipelinePageTests : ComponentTestBase
{
    /// <summary>For waits that include a database save or the feed's thread; generous because the machines are shared (a pass returns at once).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await KeepFewOfRep1sGeneratedDealsAsync();
        SignIn(DemoUsers.Rep1);
    }

    private PipelineState Pipeline => Store.GetState<PipelineState>().Value;

    [Fact]
    public void WhenTheBoardLoads_SevenColumnsShowTheCountsAndSumsOfTheState()
    {
        var host = RenderLoaded();

        var figures = PipelineView.Columns(PipelineView.Visible(Pipeline, null, Clock.GetUtcNow()), Pipeline.Settings);
        host.FindAll("section[data-testid^=column-]")
            .Select(c => c.GetAttribute("data-testid"))
            .ShouldBe(["column-lead", "column-first-contact", "column-needs-analysis", "column-proposal", "column-negotiation", "column-won", "column-lost"]);
        foreach (var column in figures)
        {
            var key = PipelinePage.KeyOf(column.Stage);
            host.Find($"[data-testid=column-{key}-count]").TextContent.Trim().ShouldBe(column.Count.ToString(CultureInfo.InvariantCulture), key);
            host.Find($"[data-testid=column-{key}-sum]").TextContent.Trim().ShouldBe(PipelinePage.FormatMoney(column.Amount), key);
            host.Find($"[data-testid=column-{key}-weighted]").TextContent.Trim().ShouldBe($"Weighted {PipelinePage.FormatMoney(column.Weighted)}", key);
            Cards(host, key).Count.ShouldBe(Math.Min(column.Count, PipelineQueries.PageSize), key);
        }

        figures.ShouldAllBe(f => f.Count > 0, "every column has demo cards");
        figures.Sum(f => f.Count).ShouldBe(Pipeline.Cards.Count);
        Pipeline.Cards.Values.ShouldAllBe(c => c.OwnerId == DemoIds.Rep1.Value);
    }

    [Fact]
    public void WhenTheBoardLoads_TheDemoCardsAreInTheirStagesColumns()
    {
        var host = RenderLoaded();

        ColumnOf(host, DemoIds.Rep1FreshLead.Value).ShouldBe("column-lead");
        ColumnOf(host, DemoIds.Rep1Stale.Value).ShouldBe("column-first-contact");
        ColumnOf(host, DemoIds.Rep1NeedsAnalysisWithoutSummary.Value).ShouldBe("column-needs-analysis");
        ColumnOf(host, DemoIds.Rep1ProposalWithoutAmount.Value).ShouldBe("column-proposal");
        host.FindAll($"[data-testid=card-{DemoIds.Rep2Negotiation.Value}]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenAColumnHasMoreCardsThanAPage_ItShowsThePageAndTheFullCountAndShowMorePagesInMore()
    {
        await AddRep1LeadsAsync(PipelineQueries.PageSize + 10);
        var host = RenderLoaded();
        var total = Pipeline.TotalsOf(OpportunityStage.Lead).Count;
        total.ShouldBeGreaterThan(PipelineQueries.PageSize + 10);

        Cards(host, "lead").Count.ShouldBe(PipelineQueries.PageSize);
        Count(host, "lead").ShouldBe(total);
        host.Find("[data-testid=column-lead-more]").TextContent.Trim().ShouldBe($"Show {Math.Min(PipelineQueries.PageSize, total - PipelineQueries.PageSize)} more ({total - PipelineQueries.PageSize} not shown)");

        await ClickAsync(host, "[data-testid=column-lead-more]");

        host.WaitForAssertion(() => Cards(host, "lead").Count.ShouldBe(Math.Min(total, 2 * PipelineQueries.PageSize)), Patience);
        Count(host, "lead").ShouldBe(total);
    }

    [Fact]
    public async Task WhenACardTheBoardNeverLoadedMovesRemotely_TheCountsAndSumsOfBothColumnsFollow()
    {
        await AddRep1LeadsAsync(PipelineQueries.PageSize + 10);
        var host = RenderLoaded();
        await using var db = Database.OpenDemo();
        var notLoaded = (await db.Opportunities.Where(o => o.OwnerId == DemoIds.Rep1 && o.Stage == OpportunityStage.Lead).Select(o => o.Id).ToListAsync())
            .Select(id => id.Value)
            .First(id => !Pipeline.Cards.ContainsKey(id));
        var card = (await Services.GetRequiredService<OpportunityCommands>().LoadCardAsync(notLoaded)).ShouldNotBeNull();
        var leads = Pipeline.TotalsOf(OpportunityStage.Lead);
        var proposals = Pipeline.TotalsOf(OpportunityStage.Proposal);

        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(
            card with { Stage = OpportunityStage.Proposal, Version = card.Version + 1, MovedFrom = OpportunityStage.Lead })));

        host.WaitForAssertion(() => Count(host, "lead").ShouldBe(leads.Count - 1), Patience);
        Count(host, "proposal").ShouldBe(proposals.Count + 1);
        host.Find("[data-testid=column-lead-sum]").TextContent.Trim().ShouldBe(PipelinePage.FormatMoney(leads.Amount - card.Amount));
        host.Find("[data-testid=column-proposal-sum]").TextContent.Trim().ShouldBe(PipelinePage.FormatMoney(proposals.Amount + card.Amount));
        ColumnOf(host, card.Id).ShouldBe("column-proposal");
    }

    [Fact]
    public async Task WhenACardMovesRemotely_OnlyThatCardAndTheTwoColumnsItLeftAndEnteredRenderAgain()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1FreshLead.Value];
        var cardsBefore = host.FindComponents<KanbanCard<OpportunityCard>>().ToDictionary(c => c.Instance.Item.Id, c => c.Instance);
        var cardRenders = host.FindComponents<KanbanCard<OpportunityCard>>().ToDictionary(c => c.Instance.Item.Id, c => c.RenderCount);
        var headerRenders = host.FindComponents<KanbanHeader>().ToDictionary(h => h.Instance.Column.Key, h => h.RenderCount);
        var toolbarRenders = host.FindComponent<RenderOnChange>().RenderCount;
        cardsBefore.Count.ShouldBeGreaterThan(5, "a board with cards in several columns");

        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(card with { Stage = OpportunityStage.Proposal, Version = card.Version + 1 })));
        host.WaitForAssertion(() => ColumnOf(host, card.Id).ShouldBe("column-proposal"), Patience);
        await RendererIdleAsync();

        // Every other card is the same component instance and did not render again.
        var cardsAfter = host.FindComponents<KanbanCard<OpportunityCard>>().ToDictionary(c => c.Instance.Item.Id);
        foreach (var (id, before) in cardsBefore.Where(c => c.Key != card.Id))
        {
            cardsAfter[id].Instance.ShouldBeSameAs(before, $"card {id} kept its component");
            cardsAfter[id].RenderCount.ShouldBe(cardRenders[id], $"card {id} did not render again");
        }

        // The moved card is a fresh component in its new column, rendered once.
        cardsAfter[card.Id].Instance.ShouldNotBeSameAs(cardsBefore[card.Id]);
        cardsAfter[card.Id].RenderCount.ShouldBe(1);

        // Only the two headers whose figures changed rendered again.
        var rerendered = host.FindComponents<KanbanHeader>()
            .Where(h => h.RenderCount != headerRenders[h.Instance.Column.Key])
            .Select(h => h.Instance.Column.Key)
            .Order()
            .ToList();
        rerendered.ShouldBe(["lead", "proposal"]);

        // The title bar and filters (a dozen Mud components) did not render again either.
        host.FindComponent<RenderOnChange>().RenderCount.ShouldBe(toolbarRenders);
    }

    [Fact]
    public async Task WhenACardIsEditedRemotelyInPlace_OnlyThatCardRendersAgain()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1FreshLead.Value];
        var renders = host.FindComponents<KanbanCard<OpportunityCard>>().ToDictionary(c => c.Instance.Item.Id, c => c.RenderCount);
        var headerRenders = host.FindComponents<KanbanHeader>().ToDictionary(h => h.Instance.Column.Key, h => h.RenderCount);

        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(card with { Title = "Renamed far away", Version = card.Version + 1 })));
        host.WaitForAssertion(() => host.Find($"[data-testid=card-title-{card.Id}]").TextContent.Trim().ShouldBe("Renamed far away"), Patience);
        await RendererIdleAsync();

        host.FindComponents<KanbanCard<OpportunityCard>>()
            .Where(c => c.RenderCount != renders[c.Instance.Item.Id])
            .Select(c => c.Instance.Item.Id)
            .ShouldBe([card.Id]);
        host.FindComponents<KanbanHeader>().ShouldAllBe(h => h.RenderCount == headerRenders[h.Instance.Column.Key]);
    }

    [Fact]
    public async Task WhenACardChangesRemotely_ItMovesToTheOtherColumnWithoutAReload()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1FreshLead.Value];
        var leads = Count(host, "lead");
        var proposals = Count(host, "proposal");

        // As the live link does: from the feed's thread, not the renderer's.
        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(card with { Stage = OpportunityStage.Proposal, Version = card.Version + 1 })));

        host.WaitForAssertion(() => ColumnOf(host, card.Id).ShouldBe("column-proposal"), Patience);
        Count(host, "lead").ShouldBe(leads - 1);
        Count(host, "proposal").ShouldBe(proposals + 1);
        host.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-version").ShouldBe((card.Version + 1).ToString(CultureInfo.InvariantCulture));
        Services.GetRequiredService<PipelineLive>().Connection.ShouldNotBeNull().Resyncs.ShouldBe(0);
    }

    [Fact]
    public async Task WhileACardsMenuIsOpen_ARemoteMoveLeavesItWhereTheUserSawIt_UntilTheMenuCloses()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1FreshLead.Value];
        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-move-{card.Id}-proposal]"), Patience);

        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(card with { Stage = OpportunityStage.Proposal, Version = card.Version + 1 })));
        await RendererIdleAsync();

        ColumnOf(host, card.Id).ShouldBe("column-lead", "the card and its open menu stay as the user saw them");
        host.FindAll($"[data-testid=card-move-{card.Id}-proposal]").ShouldHaveSingleItem();

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");

        host.WaitForAssertion(() => ColumnOf(host, card.Id).ShouldBe("column-proposal"), Patience);
    }

    [Fact]
    public async Task WhenAnOlderVersionArrivesRemotely_TheCardStaysWhereItIs()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1FreshLead.Value];

        await Task.Run(() => Store.Dispatch(new OpportunityChangedRemotelyAction(card with { Stage = OpportunityStage.Won, Version = card.Version - 1 })));
        await RendererIdleAsync();

        ColumnOf(host, card.Id).ShouldBe("column-lead");
    }

    [Fact]
    public async Task WhenTheManagerMovesARepsCard_TheRepsBoardFollowsLive()
    {
        var host = RenderLoaded();
        var id = DemoIds.Rep1FreshLead.Value;

        await MoveAsManagerAsync(id, OpportunityStage.FirstContact);

        host.WaitForAssertion(() => ColumnOf(host, id).ShouldBe("column-first-contact"), Patience);
        Services.GetRequiredService<PipelineLive>().Connection.ShouldNotBeNull().Resyncs.ShouldBe(0);
    }

    [Fact]
    public async Task WhenAMoveIsRefused_TheCardGoesBackAndTheReasonShowsInASnackbar()
    {
        var host = RenderLoaded();
        var won = Pipeline.Cards.Values.FirstOrDefault(c => c.Stage == OpportunityStage.Won).ShouldNotBeNull("rep1 has won deals in the demo data");
        var stages = RecordStagesOf(won.Id);

        // A rep may not reopen a won deal: the effect's refusal rolls the optimistic move back.
        await MoveThroughTheCardMenuAsync(host, won.Id, "negotiation");

        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Only a manager can move an opportunity out of Won."), Patience);
        host.WaitForAssertion(() => ColumnOf(host, won.Id).ShouldBe("column-won"), Patience);
        stages.ShouldBe([OpportunityStage.Negotiation, OpportunityStage.Won]);
        Pipeline.Pending.ShouldBeEmpty();
        Pipeline.Notice.ShouldBeNull();
        (await StageInDatabaseAsync(won.Id)).ShouldBe(OpportunityStage.Won);
    }

    [Fact]
    public async Task WhenAnOptimisticMoveFails_TheCardGoesBackAndTheReasonShowsInASnackbar()
    {
        var host = RenderLoaded();
        var card = Pipeline.Cards[DemoIds.Rep1Stale.Value];

        var stages = RecordStagesOf(card.Id);

        // The board's version is one behind the database's: the real effect refuses the move as a conflict.
        await DispatchOnRendererAsync(new MoveOpportunityAction(card.Id, OpportunityStage.NeedsAnalysis, card.Version - 1));

        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Your move was not saved"), Patience);
        host.WaitForAssertion(() => ColumnOf(host, card.Id).ShouldBe("column-first-contact"), Patience);
        stages.ShouldBe([OpportunityStage.NeedsAnalysis, OpportunityStage.FirstContact]);
        Pipeline.Pending.ShouldBeEmpty();
        (await StageInDatabaseAsync(card.Id)).ShouldBe(OpportunityStage.FirstContact);
    }

    [Fact]
    public async Task WhenSomeoneElseMovedTheCardFirst_TheCardShowsTheirStageAndTheSnackbarSaysWho()
    {
        var host = RenderLoaded();
        var id = DemoIds.Rep1Stale.Value;

        // The board misses the manager's move (its live link is down), so the rep moves a stale card.
        await Services.GetRequiredService<PipelineLive>().StopAsync();
        await MoveAsManagerAsync(id, OpportunityStage.NeedsAnalysis);
        ColumnOf(host, id).ShouldBe("column-first-contact");

        await MoveThroughTheCardMenuAsync(host, id, "lost");

        host.WaitForAssertion(
            () => host.Find("#mud-snackbar-container").TextContent.ShouldContain(
                "Wang Fang moved this to Needs analysis 0 s ago. Your move was not saved; the card shows the current stage."),
            Patience);
        host.WaitForAssertion(() => ColumnOf(host, id).ShouldBe("column-needs-analysis"), Patience);
        Pipeline.Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenAMoveNeedsASummary_TheDialogAsksForItAndTheMoveCompletes()
    {
        var host = RenderLoaded();
        var id = DemoIds.Rep1NeedsAnalysisWithoutSummary.Value;
        var saved = Saves.NextSaveAsync();

        await MoveThroughTheCardMenuAsync(host, id, "proposal");
        host.WaitForAssertion(() => host.Find("[data-testid=completion-dialog]"), Patience);
        host.FindAll("[data-testid=completion-amount]").ShouldBeEmpty();
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("textarea[data-testid=completion-needs-summary]").Change("1500 nine-leg pallets; load test passed."));
        await ClickAsync(host, "[data-testid=completion-submit]");

        await saved;
        host.WaitForAssertion(() => Pipeline.Pending.ShouldBeEmpty(), Patience);
        host.WaitForAssertion(() => ColumnOf(host, id).ShouldBe("column-proposal"), Patience);
        host.FindAll("[data-testid=completion-dialog]").ShouldBeEmpty();
        await using var db = Database.OpenDemo();
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == DemoIds.Rep1NeedsAnalysisWithoutSummary);
        opportunity.Stage.ShouldBe(OpportunityStage.Proposal);
        opportunity.NeedsSummary.ShouldBe("1500 nine-leg pallets; load test passed.");
    }

    [Fact]
    public async Task WhenTheSummaryDialogIsCancelled_TheCardGoesBackAndTheUserIsTold()
    {
        var host = RenderLoaded();
        var id = DemoIds.Rep1NeedsAnalysisWithoutSummary.Value;

        await MoveThroughTheCardMenuAsync(host, id, "proposal");
        host.WaitForAssertion(() => host.Find("[data-testid=completion-dialog]"), Patience);
        ColumnOf(host, id).ShouldBe("column-proposal");
        await ClickAsync(host, "[data-testid=completion-cancel]");

        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Move cancelled: Proposal needs the details you did not give."), Patience);
        host.WaitForAssertion(() => ColumnOf(host, id).ShouldBe("column-needs-analysis"), Patience);
        Pipeline.Pending.ShouldBeEmpty();
        (await StageInDatabaseAsync(id)).ShouldBe(OpportunityStage.NeedsAnalysis);
    }

    [Fact]
    public async Task WhenAClosedColumnIsFolded_ItsCardsAreHiddenButItsFiguresStay()
    {
        var host = RenderLoaded();
        var won = Count(host, "won");
        won.ShouldBeGreaterThan(0);

        await ClickAsync(host, "[data-testid=column-won-fold]");

        host.WaitForAssertion(() => Cards(host, "won").ShouldBeEmpty(), Patience);
        Count(host, "won").ShouldBe(won);
        Pipeline.Folded.ShouldBe([OpportunityStage.Won]);
    }

    private static string? ColumnOf(IRenderedComponent<WithPopovers> host, Guid cardId) =>
        host.FindAll($"[data-testid=card-{cardId}]").SingleOrDefault()?.Closest("section[data-testid^=column-]")?.GetAttribute("data-testid");

    private static int Count(IRenderedComponent<WithPopovers> host, string columnKey) =>
        int.Parse(host.Find($"[data-testid=column-{columnKey}-count]").TextContent.Trim(), CultureInfo.InvariantCulture);

    /// <summary>Opens the card's menu and picks "Move to …", as a user does (no drag and drop in bUnit).</summary>
    private async Task MoveThroughTheCardMenuAsync(IRenderedComponent<WithPopovers> host, Guid cardId, string columnKey)
    {
        await ClickAsync(host, $"[data-testid=card-menu-{cardId}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-move-{cardId}-{columnKey}]"), Patience);
        await ClickAsync(host, $"[data-testid=card-move-{cardId}-{columnKey}]");
    }

    /// <summary>The stage of the card after every change of the pipeline state that moved it.</summary>
    private List<OpportunityStage> RecordStagesOf(Guid cardId)
    {
        var stages = new List<OpportunityStage>();
        var last = Pipeline.Cards[cardId].Stage;
        Store.GetState<PipelineState>().StateChanged += (_, _) =>
        {
            if (Pipeline.Cards.TryGetValue(cardId, out var card) && card.Stage != last)
            {
                last = card.Stage;
                stages.Add(last);
            }
        };
        return stages;
    }

    /// <summary>The manager (Wang Fang) moves the card in a circuit of her own; the save publishes on the shared feed.</summary>
    private async Task MoveAsManagerAsync(Guid id, OpportunityStage target)
    {
        await using var manager = Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        manager.ServiceProvider.GetRequiredService<CurrentUser>().Set(DemoUsers.Manager.ToPrincipal());
        var commands = manager.ServiceProvider.GetRequiredService<OpportunityCommands>();
        var card = (await commands.LoadCardAsync(id)).ShouldNotBeNull();
        (await commands.MoveAsync(id, target, card.Version, null)).Moved.ShouldNotBeNull();
    }

    /// <summary>
    /// rep1's named deals stay, and two generated ones per stage: every column has cards, and a board of about twenty
    /// cards re-renders fast (bUnit parses the whole markup after each render; ninety cards made each wait slow).
    /// </summary>
    private async Task KeepFewOfRep1sGeneratedDealsAsync()
    {
        await using var db = Database.OpenDemo();
        var named = new[] { DemoIds.Rep1FreshLead, DemoIds.Rep1NeedsAnalysisWithoutSummary, DemoIds.Rep1ProposalWithoutAmount, DemoIds.Rep1Stale };
        var generated = (await db.Opportunities.Where(o => o.OwnerId == DemoIds.Rep1).ToListAsync())
            .Where(o => !named.Contains(o.Id))
            .OrderBy(o => o.Id.Value)
            .ToList();
        db.Opportunities.RemoveRange(generated.GroupBy(o => o.Stage).SelectMany(g => g.Skip(2)));
        await db.SaveChangesAsync();
    }

    /// <summary>More leads for rep1 than a column shows at first (no board events: they are there before the board opens).</summary>
    private async Task AddRep1LeadsAsync(int count)
    {
        await using var db = Database.OpenDemo();
        var now = Clock.GetUtcNow();
        for (var i = 0; i < count; i++)
        {
            var opportunity = Opportunity.Open(
                OpportunityId.New(), DemoIds.DemoTenant, DemoIds.TmallShop, DemoIds.Customer(1 + (i % 5)), null, DemoIds.Rep1, $"Paged deal {i + 1}",
                Money.Create((i + 1) * 1000m), DateOnly.FromDateTime(now.UtcDateTime.AddDays(20 + i)), SourceChannel.Website, ScoringInputs.Unknown,
                ScoringRules.Default, now.AddMinutes(-i));
            opportunity.ClearDomainEvents();
            db.Opportunities.Add(opportunity);
        }

        await db.SaveChangesAsync();
    }

    private async Task<OpportunityStage> StageInDatabaseAsync(Guid id)
    {
        await using var db = Database.OpenDemo();
        var opportunityId = new OpportunityId(id);
        return (await db.Opportunities.SingleAsync(o => o.Id == opportunityId)).Stage;
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<PipelinePage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=board-opportunities]").ShouldHaveSingleItem(), Patience);
        return host;
    }

    private static List<IElement> Cards(IRenderedComponent<WithPopovers> host, string columnKey) =>
        host.FindAll($"[data-testid=column-{columnKey}] [data-testid^=card-]")
            .Where(e => e.GetAttribute("data-testid") is { } id && Guid.TryParse(id["card-".Length..], out _))
            .ToList();
}
