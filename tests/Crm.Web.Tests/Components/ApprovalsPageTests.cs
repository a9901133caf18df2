using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Crm.Domain.Approvals;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Approvals;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

/// <summary>The approvals board over the demo database (rep2's pending pool claim), with its real effects and live link.</summary>
public sealed class ApprovalsPageTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly Guid Claim = DemoIds.Rep2PendingClaim.Value;

    /// <summary>A rep of the Tmall shop who has asked for nothing yet (the demo's reps both have pending claims).</summary>
    private static readonly DemoUser NewTmallRep =
        new(new UserId(Guid.Parse("0b1c0000-0000-4000-8fff-000000000002")), "tmall.rep@demo.local", "Qian Hao", Roles.SalesRep, HeadOffice: false, [DemoIds.TmallShop]);

    [Fact]
    public async Task WhenAManagerOpensTheBoard_ThreeColumnsShowAndTheClaimWaitsInPending()
    {
        SignIn(DemoUsers.Manager);
        int pending;
        int approved;
        await using (var db = Database.OpenDemo())
        {
            pending = await db.ApprovalRequests.CountAsync(r => r.Status == ApprovalStatus.Pending);
            approved = await db.ApprovalRequests.CountAsync(r => r.Status == ApprovalStatus.Approved);
        }

        var host = RenderLoaded();

        host.FindAll("section[data-testid^=column-]").Select(c => c.GetAttribute("data-testid")).ShouldBe(["column-Pending", "column-Approved", "column-Rejected"]);
        host.Find("[data-testid=column-Pending-count]").TextContent.Trim().ShouldBe(pending.ToString(CultureInfo.InvariantCulture));
        host.FindAll("[data-testid=column-Pending] [data-testid^=card-]").Count(c => c.HasAttribute("data-status")).ShouldBe(pending);
        host.Find("[data-testid=column-Approved-count]").TextContent.Trim().ShouldBe(approved.ToString(CultureInfo.InvariantCulture));
        host.Find($"[data-testid=column-Pending] [data-testid=card-{Claim}]").GetAttribute("data-status").ShouldBe("Pending");
        host.FindAll($"[data-testid=approve-{Claim}]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task WhenARepWithoutRequestsOpensTheBoard_TheEmptyStateSaysWhatWillShowAndNothingCanBeDecided()
    {
        await using (var db = Database.OpenDemo())
        {
            (await db.ApprovalRequests.AnyAsync()).ShouldBeTrue("other reps have requests, which a rep does not see");
        }

        SignIn(NewTmallRep);

        var host = RenderLoaded();

        host.Find("[data-testid=board-empty]").TextContent.ShouldContain("You have no requests yet.");
        host.FindAll("[data-testid^=approve-]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenTheRequesterOpensTheBoard_TheirClaimShowsWithoutDecisionButtons()
    {
        SignIn(DemoUsers.Rep2);

        var host = RenderLoaded();

        host.Find($"[data-testid=column-Pending] [data-testid=card-{Claim}]");
        host.FindAll($"[data-testid=approve-{Claim}]").ShouldBeEmpty();
        host.FindAll($"[data-testid=card-menu-{Claim}]").ShouldBeEmpty();
    }

    [Fact]
    public void WhenFilteredToAStatusNothingHas_TheFilteredEmptyStateShows()
    {
        SignIn(DemoUsers.Manager);
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/boards/approvals?kind=PoolClaim&status=Approved");

        var host = RenderLoaded();

        host.Find("[data-testid=board-empty]").TextContent.Trim().ShouldBe("No request matches these filters.");
        host.FindAll($"[data-testid=card-{Claim}]").ShouldBeEmpty();
        host.Find("[data-testid=column-Pending-count]").TextContent.Trim().ShouldBe("0");
    }

    [Fact]
    public async Task WhenTheManagerApprovesFromTheCardMenu_TheCommentIsAskedAndTheClaimIsApproved()
    {
        SignIn(DemoUsers.Manager);
        var host = RenderLoaded();

        await ClickAsync(host, $"[data-testid=card-menu-{Claim}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-approve-{Claim}]"), Patience);
        await ClickAsync(host, $"[data-testid=card-approve-{Claim}]");
        host.WaitForAssertion(() => host.Find("[data-testid=decision-dialog]"), Patience);
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("textarea[data-testid=decision-comment]").Input("Welcome back to them."));
        await ClickAsync(host, "[data-testid=decision-submit]");

        host.WaitForAssertion(() => host.Find($"[data-testid=column-Approved] [data-testid=card-{Claim}]"), Patience);
        host.WaitForAssertion(() => host.Find($"[data-testid=card-{Claim}]").GetAttribute("data-version").ShouldBe("2"), Patience);
        await using var db = Database.OpenDemo();
        var stored = await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == DemoIds.Rep2PendingClaim);
        stored.Status.ShouldBe(ApprovalStatus.Approved);
        stored.Comment.ShouldBe("Welcome back to them.");
    }

    [Fact]
    public async Task WhenSomeoneElseDecidesWhileTheCommentIsBeingWritten_TheDialogClosesAndSaysWho()
    {
        SignIn(DemoUsers.Manager);
        var host = RenderLoaded();
        await ClickAsync(host, $"[data-testid=reject-{Claim}]");
        host.WaitForAssertion(() => host.Find("[data-testid=decision-dialog]"), Patience);
        var card = Store.GetState<ApprovalsState>().Value.Cards[Claim];

        // As the live link does: from the feed's thread.
        await Task.Run(() => Store.Dispatch(new ApprovalChangedRemotelyAction(
            card with { Status = ApprovalStatus.Approved, Version = card.Version + 1, DecidedById = DemoIds.Admin.Value, DeciderName = "Zhou Qiang" })));

        host.WaitForAssertion(() => host.FindAll("[data-testid=decision-dialog]").ShouldBeEmpty(), Patience);
        host.WaitForAssertion(
            () => host.Find("#mud-snackbar-container").TextContent.ShouldContain("Zhou Qiang decided this request meanwhile (Approved). Nothing of yours was saved."), Patience);
        host.Find($"[data-testid=column-Approved] [data-testid=card-{Claim}]");
        Store.GetState<ApprovalsState>().Value.AwaitingDecision.ShouldBeNull();
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<ApprovalsPage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=board-approvals]").ShouldHaveSingleItem(), Patience);
        return host;
    }
}
