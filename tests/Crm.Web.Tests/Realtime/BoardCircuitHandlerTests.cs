using Crm.Web.Features.Shell;
using Crm.Web.State;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Realtime;

/// <summary>
/// A circuit that comes back after a network drop reloads its board: a change it never heard of
/// (written with no board event) shows after Down then Up, and an Up alone reloads nothing.
/// Signed in as rep1 (Li Wei) over the demo database; waits on what the live link dispatches.
/// </summary>
public sealed class BoardCircuitHandlerTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private PipelineLive? _live;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Rep1);
        await Live.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_live is not null)
        {
            await _live.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    private PipelineLive Live => _live ??= new PipelineLive(
        _app.Get<IBoardFeed>(), _app.Get<OpportunityCommands>(), _app.Get<CurrentUser>(), _app.Get<PresenceTracker>(), _dispatcher,
        new FixedState<PipelineState>(new PipelineState()), new FixedState<ShellState>(new ShellState()));

    [Fact]
    public async Task WhenTheConnectionComesBackAfterADrop_TheBoardReloadsWithTheChangeItMissed()
    {
        var handler = new BoardCircuitHandler(Live);
        var loaded = _dispatcher.Actions.OfType<LoadPipelineSucceededAction>().ShouldHaveSingleItem();
        StageOn(loaded, DemoIds.Rep1FreshLead).ShouldBe(OpportunityStage.Lead);
        await MoveWithoutAnyBoardEventAsync(DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        var reloads = _dispatcher.Actions.OfType<LoadPipelineSucceededAction>().ToList();
        reloads.Count.ShouldBe(2);
        StageOn(reloads[1], DemoIds.Rep1FreshLead).ShouldBe(OpportunityStage.FirstContact);
        _dispatcher.Actions.OfType<OpportunityChangedRemotelyAction>().ShouldBeEmpty("the change reached the board by the reload, not by an event");
    }

    [Fact]
    public async Task WhenTheConnectionComesUpWithoutHavingDropped_TheBoardIsNotReloaded()
    {
        var handler = new BoardCircuitHandler(Live);
        await MoveWithoutAnyBoardEventAsync(DemoIds.Rep1FreshLead, OpportunityStage.FirstContact);

        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        var loaded = _dispatcher.Actions.OfType<LoadPipelineSucceededAction>().ShouldHaveSingleItem();
        StageOn(loaded, DemoIds.Rep1FreshLead).ShouldBe(OpportunityStage.Lead);
        Live.Connection.ShouldNotBeNull().Resyncs.ShouldBe(0);
    }

    private static OpportunityStage StageOn(LoadPipelineSucceededAction load, OpportunityId id) =>
        load.Cards.Single(c => c.Id == id.Value).Stage;

    /// <summary>
    /// Moves the card through the test database's own model, which has no outbox: the row changes,
    /// no board event is numbered or published, so a live board cannot hear of it.
    /// </summary>
    private async Task MoveWithoutAnyBoardEventAsync(OpportunityId id, OpportunityStage target)
    {
        await using var db = _app.Database.OpenDemo();
        var outboxBefore = await db.OutboxMessages.AsNoTracking().CountAsync();
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == id);
        opportunity.MoveTo(target, PipelineSettings.Default.StageBlueprint, DemoIds.Manager, actorIsManager: true, _app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        (await db.OutboxMessages.AsNoTracking().CountAsync()).ShouldBe(outboxBefore, "no board event may be written for this change");
    }
}
