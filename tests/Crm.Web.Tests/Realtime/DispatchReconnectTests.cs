using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Realtime;

/// <summary>
/// The dispatch board (and the technician's list and the service dashboard, which share its link)
/// reloads after a network drop like the pipeline: a check-in it never heard of shows after Down then Up.
/// Signed in as the dispatcher over the demo database.
/// </summary>
public sealed class DispatchReconnectTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();
    private DispatchLive? _live;

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Dispatcher);
        Live.Hold();
        await Live.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_live is not null)
        {
            await Live.DisposeAsync();
        }

        await _app.DisposeAsync();
    }

    private DispatchLive Live => _live ??= new DispatchLive(
        _app.Get<IBoardFeed>(), _app.Get<WorkOrderCommands>(), _app.Get<CurrentUser>(), _app.Get<PresenceTracker>(), _dispatcher);

    [Fact]
    public async Task WhenTheConnectionComesBackAfterADrop_TheDispatchBoardReloadsWithTheCheckInItMissed()
    {
        var handler = new BoardCircuitHandler(Live);
        StatusOn(_dispatcher.Actions.OfType<LoadDispatchSucceededAction>().ShouldHaveSingleItem()).ShouldBe(WorkOrderStatus.Assigned);
        await CheckInWithoutAnyBoardEventAsync();

        await handler.OnConnectionDownAsync(null!, CancellationToken.None);
        await handler.OnConnectionUpAsync(null!, CancellationToken.None);

        var reloads = _dispatcher.Actions.OfType<LoadDispatchSucceededAction>().ToList();
        reloads.Count.ShouldBe(2);
        StatusOn(reloads[1]).ShouldBe(WorkOrderStatus.InProgress);
        _dispatcher.Actions.OfType<WorkOrderChangedRemotelyAction>().ShouldBeEmpty("the change reached the board by the reload, not by an event");
    }

    [Fact]
    public async Task WhenTwoPagesHoldTheLink_ClosingOneKeepsItLive_AndClosingTheLastStopsIt()
    {
        Live.Hold();

        await Live.ReleaseAsync();
        Live.Connection.ShouldNotBeNull("the other page still shows work orders");

        await Live.ReleaseAsync();
        Live.Connection.ShouldBeNull();
    }

    private static WorkOrderStatus StatusOn(LoadDispatchSucceededAction load) =>
        load.Cards.Single(c => c.Id == DemoIds.Tech1Assigned.Value).Status;

    /// <summary>Checks tech1 in through the test database's own model, which has no outbox: no board event is published.</summary>
    private async Task CheckInWithoutAnyBoardEventAsync()
    {
        await using var db = _app.Database.OpenDemo();
        var outboxBefore = await db.OutboxMessages.AsNoTracking().CountAsync();
        var workOrder = await db.WorkOrders.SingleAsync(w => w.Id == DemoIds.Tech1Assigned);
        workOrder.CheckIn(DemoIds.Tech1, _app.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        (await db.OutboxMessages.AsNoTracking().CountAsync()).ShouldBe(outboxBefore, "no board event may be written for this change");
    }
}

/// <summary>The app's composition registers every board link as a LiveBoardLink, so BoardCircuitHandler resyncs them all.</summary>
public sealed class LiveLinkRegistrationTests : ComponentTestBase
{
    [Fact]
    public void TheCircuitsBoardLinks_IncludeTheDispatchLink()
    {
        SignIn(DemoUsers.Dispatcher);

        var links = Services.GetServices<LiveBoardLink>().ToList();

        links.ShouldContain(Services.GetRequiredService<DispatchLive>());
        links.Select(l => l.GetType().Name).ShouldBe(["PipelineLive", "ApprovalsLive", "DispatchLive"], ignoreOrder: true);
    }
}
