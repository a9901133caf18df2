using Bunit;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

/// <summary>The technician's view over the demo database, signed in as tech1 (Liu Yang): own orders only, check in, the report, check out.</summary>
public sealed class MyWorkOrdersPageTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Tech1);
    }

    private DispatchState Dispatch => Store.GetState<DispatchState>().Value;

    [Fact]
    public void WhenTheViewLoads_ItShowsOnlyTech1sOwnOrdersOpenOnesFirst()
    {
        var host = RenderLoaded();

        var shown = host.FindAll("[data-testid^=my-order-][data-status]").Select(e => Guid.Parse(e.GetAttribute("data-testid")!["my-order-".Length..])).ToList();
        shown.ShouldNotBeEmpty();
        shown.ShouldAllBe(id => Dispatch.Cards[id].TechnicianId == DemoIds.Tech1.Value);
        Dispatch.Cards.Values.ShouldAllBe(c => c.TechnicianId == DemoIds.Tech1.Value, "a technician loads only their own work orders");
        var statuses = shown.Select(id => Dispatch.Cards[id].Status).ToList();
        statuses.TakeWhile(s => s.IsOpen()).Count().ShouldBe(statuses.Count(s => s.IsOpen()));
        shown.ShouldContain(DemoIds.Tech1Assigned.Value);
        shown.ShouldContain(DemoIds.Tech1Completed.Value);
    }

    [Fact]
    public async Task WhenTech1ChecksInAndOutWithAReport_TheOrderIsCompletedWithIt()
    {
        var host = RenderLoaded();
        var id = DemoIds.Tech1Assigned.Value;

        var checkedIn = Saves.NextSaveAsync();
        await ClickAsync(host, $"[data-testid=check-in-{id}]");
        await checkedIn;
        host.WaitForAssertion(() => host.Find($"[data-testid=my-order-status-{id}]").TextContent.Trim().ShouldBe("In progress"), Patience);

        await Renderer.Dispatcher.InvokeAsync(() => host.Find($"textarea[data-testid=report-work-{id}]").Change("Load-tested 50 pallets; 2 cracked ones replaced."));
        await Renderer.Dispatcher.InvokeAsync(() => host.Find($"textarea[data-testid=report-parts-{id}]").Change("2 × nine-leg pallet"));
        var checkedOut = Saves.NextSaveAsync();
        await ClickAsync(host, $"[data-testid=check-out-{id}]");
        await checkedOut;

        host.WaitForAssertion(() => host.Find($"[data-testid=my-order-report-{id}]").TextContent.ShouldBe("Load-tested 50 pallets; 2 cracked ones replaced."), Patience);
        await using var db = Database.OpenDemo();
        var stored = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == DemoIds.Tech1Assigned);
        stored.Status.ShouldBe(WorkOrderStatus.Completed);
        stored.Report!.PartsUsed.ShouldBe("2 × nine-leg pallet");
        stored.CheckedInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task WhenTech1ChecksOutWithoutDescribingTheWork_TheFormSaysItIsRequiredAndNothingIsSaved()
    {
        var host = RenderLoaded();
        var inProgress = Dispatch.Cards.Values.First(c => c.Status == WorkOrderStatus.InProgress);

        await ClickAsync(host, $"[data-testid=check-out-{inProgress.Id}]");

        host.WaitForAssertion(() => host.Find($"[data-testid=my-order-{inProgress.Id}] .mud-input-error").TextContent.ShouldContain("required"), Patience);
        Dispatch.Pending.ShouldBeEmpty();
        await using var db = Database.OpenDemo();
        var stored = await db.WorkOrders.AsNoTracking().SingleAsync(w => w.Id == new WorkOrderId(inProgress.Id));
        stored.Status.ShouldBe(WorkOrderStatus.InProgress);
        stored.Version.ShouldBe(inProgress.Version);
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<MyWorkOrdersPage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=my-orders]").ShouldHaveSingleItem(), Patience);
        return host;
    }
}
