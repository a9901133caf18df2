using Bunit;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Pool;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

/// <summary>The pool page over the demo database, signed in as rep1 (Li Wei, Tmall; North China is closed to Tmall's reps).</summary>
public sealed class PoolPageTests : ComponentTestBase
{
    private static readonly Guid Free = PoolDemoSeeder.FreePoolCustomer.Value;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
        SignIn(DemoUsers.Rep1);
    }

    [Fact]
    public void WhenARepOpensThePool_TheOpenRegionsRowsAndTheirOwnCustomersShow()
    {
        var host = RenderLoaded();

        host.FindAll($"[data-testid=pool-row-{Free}]").ShouldHaveSingleItem();
        host.FindAll($"[data-testid=pool-region-{DemoIds.NorthRegion.Value}]").ShouldBeEmpty();
        host.FindAll($"[data-testid=pool-region-{DemoIds.EastRegion.Value}]").ShouldHaveSingleItem();
        host.FindAll("[data-testid^=mine-row-]").ShouldNotBeEmpty();
        host.Markup.ShouldContain("My customers (");
        host.FindAll("[data-testid=pool-assign-bar]").ShouldBeEmpty("only managers assign");
    }

    [Fact]
    public async Task WhenARepClaimsWithAReason_TheClaimIsSavedAndTheRowSaysRequested()
    {
        var host = RenderLoaded();

        await ClickAsync(host, $"[data-testid=claim-{Free}]");
        host.WaitForAssertion(() => host.Find("[data-testid=claim-submit]").HasAttribute("disabled").ShouldBeTrue("no reason yet"));
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("textarea[data-testid=claim-reason]").Input("Their buyer called me."));
        await ClickAsync(host, "[data-testid=claim-submit]");

        host.WaitForAssertion(() => host.FindAll($"[data-testid=claimed-{Free}]").ShouldHaveSingleItem(), TimeSpan.FromSeconds(10));
        host.WaitForAssertion(() => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Claim sent"));
        await using var db = Database.OpenDemo();
        var claim = await db.ApprovalRequests.SingleAsync(r => r.Subject.Id == Free && r.RequesterId == DemoIds.Rep1);
        (claim.Kind, claim.Status, claim.Reason).ShouldBe((ApprovalKind.PoolClaim, ApprovalStatus.Pending, "Their buyer called me."));
    }

    [Fact]
    public async Task WhenTheSearchMatchesNothing_TheEmptyStateSaysSo()
    {
        var host = RenderLoaded();

        await DispatchOnRendererAsync(new SetPoolFilterAction(null, "no such customer anywhere"));

        host.WaitForAssertion(() => host.Find("[data-testid=pool-empty]").TextContent.ShouldContain("No pool customer matches"));
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<PoolPage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=pool-table]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));
        return host;
    }
}
