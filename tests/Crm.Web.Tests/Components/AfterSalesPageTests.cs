using Bunit;
using Crm.Domain.AfterSales;
using Crm.Domain.Approvals;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.AfterSales;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

/// <summary>The after-sales page over the demo database: the list and its filters, the create dialog, the history drawer.</summary>
public sealed class AfterSalesPageTests : ComponentTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
    }

    [Fact]
    public void WhenARepOpensThePage_OnlyTheirShopsRequestsShow()
    {
        SignIn(DemoUsers.Rep1);

        var host = RenderLoaded();

        host.FindAll($"[data-testid=aftersales-row-{DemoIds.Rep1PendingReturn.Value}]").ShouldHaveSingleItem();
        host.FindAll($"[data-testid=aftersales-row-{DemoIds.Rep2ApprovedReturn.Value}]").ShouldBeEmpty("that is the JD shop's request");
        host.Find($"[data-testid=aftersales-status-{DemoIds.Rep1PendingReturn.Value}]").TextContent.Trim().ShouldBe("Pending approval");
    }

    [Fact]
    public async Task WhenFilteredByStatusTypeAndTime_OnlyMatchingRequestsShowAndAnEmptyResultSaysSo()
    {
        SignIn(DemoUsers.Manager);
        var host = RenderLoaded();
        var all = host.FindAll("[data-testid^=aftersales-row-]").Count;

        await DispatchOnRendererAsync(new SetAfterSalesFilterAction(new AfterSalesFilter(Status: AfterSalesStatus.Approved)));
        host.WaitForAssertion(() => host.FindAll("[data-testid^=aftersales-status-]").Select(e => e.TextContent.Trim()).ShouldAllBe(t => t == "Approved"));
        host.FindAll($"[data-testid=aftersales-row-{DemoIds.Rep2ApprovedReturn.Value}]").ShouldHaveSingleItem();
        host.FindAll("[data-testid^=aftersales-row-]").Count.ShouldBeLessThan(all);

        await DispatchOnRendererAsync(new SetAfterSalesFilterAction(new AfterSalesFilter(Type: AfterSalesType.Exchange)));
        host.WaitForAssertion(() => host.FindAll("[data-testid^=aftersales-type-]").Select(e => e.TextContent.Trim()).ShouldAllBe(t => t == "Exchange"));

        await ClickAsync(host, "[data-testid=aftersales-period-today]");
        host.WaitForAssertion(() => host.Find("[data-testid=aftersales-empty]").TextContent.ShouldContain("No request matches"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task WhenARequestIsOpened_TheDrawerShowsTheWholeHistoryWithDecisionWorkOrderAndRefund()
    {
        SignIn(DemoUsers.Manager);
        var host = RenderLoaded();

        await ClickAsync(host, $"[data-testid=aftersales-open-{DemoIds.Rep2ApprovedReturn.Value}]");

        host.WaitForAssertion(() => host.FindAll("[data-testid=aftersales-history]").ShouldHaveSingleItem(), TimeSpan.FromSeconds(5));
        host.Find("[data-testid=aftersales-step-Submitted]").TextContent.ShouldContain("Submitted by Zhang Min");
        host.Find("[data-testid=aftersales-step-Approved]").TextContent.ShouldContain("Approved by Wang Fang");
        host.Find("[data-testid=aftersales-step-comment-Approved]").TextContent.ShouldContain("质量问题属实");
        host.Find("[data-testid=aftersales-pickup-link]").GetAttribute("href").ShouldBe("/boards/work-orders");
        host.Find("[data-testid=aftersales-step-RefundRecorded]").TextContent.ShouldContain("Refund: Due");
    }

    [Fact]
    public async Task WhenTheCreateDialogIsSubmittedEmpty_EveryMissingFieldSaysWhatIsNeededAndNothingIsSaved()
    {
        SignIn(DemoUsers.Rep1);
        var host = RenderLoaded();
        await using var before = Database.OpenDemo();
        var count = await before.AfterSalesRequests.CountAsync();

        await ClickAsync(host, "[data-testid=aftersales-new]");
        host.WaitForAssertion(() => host.FindAll("[data-testid=aftersales-save]").ShouldHaveSingleItem());
        await ClickAsync(host, "[data-testid=aftersales-save]");

        host.WaitForAssertion(() =>
        {
            host.Markup.ShouldContain("Choose the customer.");
            host.Markup.ShouldContain("Enter the order reference.");
            host.Markup.ShouldContain("Name the item.");
            host.Markup.ShouldContain("A refund needs an amount above zero.");
            host.Markup.ShouldContain("Enter where the goods are picked up.");
        });
        host.FindAll("[data-testid=aftersales-dialog]").ShouldHaveSingleItem("the dialog stays open");
        await using var after = Database.OpenDemo();
        (await after.AfterSalesRequests.CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task WhenTheDomainRefusesASubmission_TheDialogStaysOpenWithTheReasonAndKeepsWhatWasEntered()
    {
        SignIn(DemoUsers.Rep1);
        var host = RenderLoaded();
        await ClickAsync(host, "[data-testid=aftersales-new]");
        host.WaitForAssertion(() => host.FindAll("[data-testid=aftersales-order]").ShouldHaveSingleItem());
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("input[data-testid=aftersales-order], [data-testid=aftersales-order] input").Change("TM-KEEP-ME"));

        // A submission the rules refuse (as the server would say), e.g. for a customer that went away meanwhile.
        await DispatchOnRendererAsync(new SubmitAfterSalesAction(new Crm.Infrastructure.AfterSales.AfterSalesInput(
            AfterSalesType.ReturnAndRefund, Guid.NewGuid(), "TM-KEEP-ME", [("川字托盘", 1)], 10m, AfterSalesReason.Damaged, null, "上海")));

        host.WaitForAssertion(() => host.Find("[data-testid=aftersales-error]").TextContent.ShouldContain("Choose the customer."), TimeSpan.FromSeconds(5));
        host.FindAll("[data-testid=aftersales-dialog]").ShouldHaveSingleItem();
        host.Find("[data-testid=aftersales-order] input, input[data-testid=aftersales-order]").GetAttribute("value").ShouldBe("TM-KEEP-ME");
    }

    [Fact]
    public async Task WhenARepSubmitsAValidRequest_ItIsListedAndItsReturnApprovalIsPending()
    {
        SignIn(DemoUsers.Rep1);
        var host = RenderLoaded();

        await DispatchOnRendererAsync(new SubmitAfterSalesAction(new Crm.Infrastructure.AfterSales.AfterSalesInput(
            AfterSalesType.RefundOnly, DemoIds.Customer(1).Value, "TM-NEW-1", [("托盘防滑垫", 4)], 36m, AfterSalesReason.Quality, null, null)));

        host.WaitForAssertion(() => host.Markup.ShouldContain("TM-NEW-1"), TimeSpan.FromSeconds(10));
        await using var db = Database.OpenDemo();
        var request = await db.AfterSalesRequests.SingleAsync(r => r.OrderReference == "TM-NEW-1");
        var approval = await db.ApprovalRequests.SingleAsync(r => r.Id == request.ApprovalRequestId);
        (approval.Kind, approval.Status, approval.RequesterId).ShouldBe((ApprovalKind.Return, ApprovalStatus.Pending, DemoIds.Rep1));
    }

    [Fact]
    public async Task WhenFinanceMarksARefundPaidAfterConfirming_ItShowsPaid()
    {
        SignIn(DemoUsers.Finance);
        var host = RenderWithPopovers<RefundsPage>();
        var request = DemoIds.Rep2ApprovedReturn.Value;
        host.WaitForAssertion(() => host.Find($"[data-testid=refund-status-{request}]").TextContent.Trim().ShouldBe("Due"), TimeSpan.FromSeconds(10));

        await ClickAsync(host, $"[data-testid=refund-pay-{request}]");
        host.WaitForAssertion(() => host.Markup.ShouldContain("cannot be undone"));
        await Renderer.Dispatcher.InvokeAsync(() => host.FindAll(".mud-dialog button").Single(b => b.TextContent.Contains("Mark paid", StringComparison.Ordinal)).Click());

        host.WaitForAssertion(() => host.Find($"[data-testid=refund-status-{request}]").TextContent.Trim().ShouldBe("Paid"), TimeSpan.FromSeconds(10));
        host.FindAll($"[data-testid=refund-pay-{request}]").ShouldBeEmpty();
    }

    private IRenderedComponent<WithPopovers> RenderLoaded()
    {
        var host = RenderWithPopovers<AfterSalesPage>();
        host.WaitForAssertion(() => host.FindAll("[data-testid=aftersales-table]").ShouldNotBeEmpty(), TimeSpan.FromSeconds(10));
        return host;
    }
}
