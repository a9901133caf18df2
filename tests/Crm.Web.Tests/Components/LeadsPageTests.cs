using System.Globalization;
using Bunit;
using Crm.Domain.Leads;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Leads;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

/// <summary>The leads list over the demo database: its tabs count what the database holds, and each role gets its own tools.</summary>
public sealed class LeadsPageTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WhenTheManagerOpensLeads_EveryTabCountsItsStatusAndTheFirstPageIsShown()
    {
        SignIn(DemoUsers.Manager);
        Dictionary<LeadStatus, int> stored;
        await using (var db = Database.OpenDemo())
        {
            stored = (await db.Leads.AsNoTracking().Select(l => l.Status).ToListAsync()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        }

        var host = RenderLoaded();

        host.Find("[data-testid=lead-tab-all-count]").TextContent.Trim().ShouldBe(stored.Values.Sum().ToString(CultureInfo.InvariantCulture));
        foreach (var status in LeadStatuses.All)
        {
            host.Find($"[data-testid=lead-tab-{LeadsView.KeyOf(status)}-count]").TextContent.Trim()
                .ShouldBe(stored.GetValueOrDefault(status).ToString(CultureInfo.InvariantCulture), status.ToString());
        }

        host.FindAll("[data-testid=lead-name]").Count.ShouldBe(Math.Min(25, stored.Values.Sum()));
        host.FindAll("[data-testid=leads-pager]").ShouldHaveSingleItem();
        host.FindAll("[data-testid=lead-filter-owner]").ShouldNotBeEmpty();
    }

    [Fact]
    public void WhenTheManagerSelectsRows_TheBatchAssignmentIsOffered()
    {
        SignIn(DemoUsers.Manager);
        var host = RenderLoaded();
        host.FindAll("[data-testid=lead-assign-selected]").ShouldBeEmpty();

        var boxes = host.FindAll("tbody input[type=checkbox]");
        boxes[0].Change(true);
        host.FindAll("tbody input[type=checkbox]")[1].Change(true);

        host.WaitForAssertion(() => host.Find("[data-testid=lead-assign-selected]").TextContent.Trim().ShouldBe("Assign 2 selected"), Patience);
    }

    [Fact]
    public void WhenARepOpensLeads_TheyGetNoSelectionNorOwnerFilterAndSeeOnlyTheirsAndThePool()
    {
        SignIn(DemoUsers.Rep1);

        var host = RenderLoaded();

        host.FindAll("tbody input[type=checkbox]").ShouldBeEmpty();
        host.FindAll("[data-testid=lead-filter-owner]").ShouldBeEmpty();
        var rows = Store.GetState<LeadsState>().Value.Page.Rows;
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.OwnerId == DemoIds.Rep1.Value || r.Status == LeadStatus.Unassigned);
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<LeadsPage>();
        host.WaitForAssertion(() => Store.GetState<LeadsState>().Value.IsLoaded.ShouldBeTrue(), Patience);
        host.WaitForAssertion(() => host.FindAll("[data-testid=lead-name]").ShouldNotBeEmpty(), Patience);
        return host;
    }
}
