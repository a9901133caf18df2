using Bunit;
using Crm.Web.Features.Approvals;
using Crm.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Crm.Web.Tests.Components;

/// <summary>The comment dialog of a decision: optional for an approval, required for a rejection.</summary>
public sealed class DecisionDialogTests : ComponentTestBase
{
    [Fact]
    public async Task WhenApprovingWithoutAComment_TheDialogReturnsNoComment()
    {
        var (host, dialog) = await OpenAsync(ApprovalDecision.Approve);
        host.Find(".mud-dialog-title").TextContent.Trim().ShouldBe("Approve the request");
        host.Find("[data-testid=decision-summary]").TextContent.Trim().ShouldBe("Pool claim by Li Wei: 上海顺达物流有限公司");

        await ClickAsync(host, "[data-testid=decision-submit]");

        var result = (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull();
        result.Canceled.ShouldBeFalse();
        result.Data.ShouldBeNull();
    }

    [Fact]
    public async Task WhenApprovingWithAComment_TheDialogReturnsItTrimmed()
    {
        var (host, dialog) = await OpenAsync(ApprovalDecision.Approve);
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("textarea[data-testid=decision-comment]").Input("  Follow up this week.  "));

        await ClickAsync(host, "[data-testid=decision-submit]");

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull().Data.ShouldBe("Follow up this week.");
    }

    [Fact]
    public async Task WhenRejectingWithoutAComment_TheDialogStaysOpenAndSaysACommentIsNeeded()
    {
        var (host, dialog) = await OpenAsync(ApprovalDecision.Reject);
        host.Find(".mud-dialog-title").TextContent.Trim().ShouldBe("Reject the request");

        await ClickAsync(host, "[data-testid=decision-submit]");

        host.WaitForAssertion(() => host.Markup.ShouldContain("A rejection needs a comment."));
        host.FindAll("[data-testid=decision-dialog]").ShouldHaveSingleItem();
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task WhenRejectingWithAComment_TheDialogReturnsIt()
    {
        var (host, dialog) = await OpenAsync(ApprovalDecision.Reject);
        await Renderer.Dispatcher.InvokeAsync(() => host.Find("textarea[data-testid=decision-comment]").Input("Already handled by the JD shop."));

        await ClickAsync(host, "[data-testid=decision-submit]");

        var result = (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull();
        result.Canceled.ShouldBeFalse();
        result.Data.ShouldBe("Already handled by the JD shop.");
    }

    [Fact]
    public async Task WhenCancelled_NothingIsDecided()
    {
        var (host, dialog) = await OpenAsync(ApprovalDecision.Reject);

        await ClickAsync(host, "[data-testid=decision-cancel]");

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull().Canceled.ShouldBeTrue();
    }

    private async Task<(IRenderedComponent<WithPopovers> Host, IDialogReference Dialog)> OpenAsync(ApprovalDecision decision)
    {
        var host = Render<WithPopovers>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<DecisionDialog> { { d => d.Card, Samples.Approval() }, { d => d.Decision, decision } };
        var dialog = await Renderer.Dispatcher.InvokeAsync(() => dialogs.ShowAsync<DecisionDialog>(null, parameters));
        host.WaitForAssertion(() => host.Find("[data-testid=decision-dialog]"));
        return (host, dialog);
    }
}
