using System.Globalization;
using Bunit;
using Crm.Domain.Service;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

/// <summary>The dispatch board over the demo database, signed in as the dispatcher (Chen Jing).</summary>
public sealed class DispatchPageTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Dispatcher);

        // The demo week is seeded relative to the real clock: look at it from then.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    private DispatchState Dispatch => Store.GetState<DispatchState>().Value;

    [Fact]
    public void WhenTheBoardLoads_SixStatusColumnsCountTheOrdersAndTheOverdueOnes()
    {
        var host = RenderLoaded();

        host.FindAll("section[data-testid^=column-]").Select(c => c.GetAttribute("data-testid"))
            .ShouldBe(["column-new", "column-assigned", "column-in-progress", "column-completed", "column-closed", "column-cancelled"]);
        foreach (var figures in DispatchView.Columns(DispatchView.Visible(Dispatch, Clock.GetUtcNow()), Clock.GetUtcNow()))
        {
            var key = DispatchView.KeyOf(figures.Status);
            host.Find($"[data-testid=column-{key}-count]").TextContent.Trim().ShouldBe(figures.Count.ToString(CultureInfo.InvariantCulture), key);
            figures.Count.ShouldBeGreaterThan(0, $"the demo has {key} work orders");
        }

        host.Find("[data-testid=column-new-sum]").TextContent.ShouldContain("overdue");
        host.Find($"[data-testid=card-{DemoIds.NewOverdueRepair.Value}]").GetAttribute("data-overdue").ShouldBe("true");
    }

    [Fact]
    public void WhenTheTechnicianViewIsChosen_EachTechnicianHasALaneWithOpenWorkAgainstCapacity()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/boards/work-orders?view=technician");
        var host = RenderLoaded();

        host.WaitForAssertion(() => host.FindAll("section[data-testid^=tech-]").Count.ShouldBe(2), Patience);
        host.Find("[data-testid='tech-tech1@demo.local-sum']").TextContent.Trim().ShouldBe("2 open of 4 a day");
        host.Find("[data-testid='tech-tech2@demo.local-sum']").TextContent.Trim().ShouldBe("3 open of 3 a day");
        host.Find($"[data-testid=column-unassigned] [data-testid=card-{DemoIds.NewInstallation.Value}]").ShouldNotBeNull();
        host.Find($"[data-testid='tech-tech1@demo.local'] [data-testid=card-{DemoIds.Tech1Assigned.Value}]").ShouldNotBeNull();
        host.FindAll($"[data-testid=card-{DemoIds.Tech1Completed.Value}]").ShouldBeEmpty("completed work is not on the lanes");
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<DispatchPage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=board-work-orders]").ShouldHaveSingleItem(), Patience);
        return host;
    }
}
