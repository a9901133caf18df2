using Bunit;
using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Web.Features.Opportunities;
using Crm.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Crm.Web.Tests.Components;

public sealed class StageCompletionDialogTests : ComponentTestBase
{
    [Fact]
    public async Task WhenOnlyASummaryIsMissing_OnlyTheSummaryIsAskedFor()
    {
        var (host, _) = await OpenAsync(OpportunityStage.Proposal, StageRequirement.NeedsSummary);

        host.Find(".mud-dialog-title").TextContent.Trim().ShouldBe("Before Proposal");
        host.Find("[data-testid=completion-dialog]").TextContent.ShouldContain("Proposal needs a few details first.");
        host.FindAll("textarea[data-testid=completion-needs-summary]").ShouldHaveSingleItem();
        host.FindAll("[data-testid=completion-amount]").ShouldBeEmpty();
        host.FindAll("[data-testid=completion-lost-reason]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenASummaryAndAnAmountAreMissing_BothAreAskedFor()
    {
        var (host, _) = await OpenAsync(OpportunityStage.Negotiation, StageRequirement.NeedsSummary, StageRequirement.PositiveAmount);

        host.FindAll("textarea[data-testid=completion-needs-summary]").ShouldHaveSingleItem();
        host.FindAll("input[data-testid=completion-amount]").ShouldHaveSingleItem();
        host.FindAll("[data-testid=completion-lost-reason]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenALostReasonIsMissing_OnlyTheReasonIsAskedFor()
    {
        var (host, _) = await OpenAsync(OpportunityStage.Lost, StageRequirement.LostReason);

        host.FindAll("textarea[data-testid=completion-lost-reason]").ShouldHaveSingleItem();
        host.FindAll("[data-testid=completion-needs-summary]").ShouldBeEmpty();
        host.FindAll("[data-testid=completion-amount]").ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenSubmittedEmpty_TheDialogStaysOpenAndSaysWhatIsRequired()
    {
        var (host, dialog) = await OpenAsync(OpportunityStage.Negotiation, StageRequirement.NeedsSummary, StageRequirement.PositiveAmount);

        await ClickAsync(host, "[data-testid=completion-submit]");

        host.WaitForAssertion(() => host.Markup.ShouldContain("This field is required."));
        host.FindAll("[data-testid=completion-dialog]").ShouldHaveSingleItem();
        dialog.Result.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task WhenTheDetailsAreFilledIn_TheDialogReturnsThemAsACompletion()
    {
        var (host, dialog) = await OpenAsync(OpportunityStage.Negotiation, StageRequirement.NeedsSummary, StageRequirement.PositiveAmount);
        await Renderer.Dispatcher.InvokeAsync(() =>
        {
            host.Find("textarea[data-testid=completion-needs-summary]").Change("Cold-store pallets, 2000 pieces.");
            host.Find("input[data-testid=completion-amount]").Change("126000.5");
        });

        await ClickAsync(host, "[data-testid=completion-submit]");

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        result.ShouldNotBeNull().Canceled.ShouldBeFalse();
        result.Data.ShouldBe(new StageCompletion("Cold-store pallets, 2000 pieces.", Money.Create(126_000.50m), null));
        host.WaitForAssertion(() => host.FindAll("[data-testid=completion-dialog]").ShouldBeEmpty());
    }

    [Fact]
    public async Task WhenCancelled_TheDialogReturnsNoCompletion()
    {
        var (host, dialog) = await OpenAsync(OpportunityStage.Lost, StageRequirement.LostReason);

        await ClickAsync(host, "[data-testid=completion-cancel]");

        (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10))).ShouldNotBeNull().Canceled.ShouldBeTrue();
    }

    private async Task<(IRenderedComponent<WithPopovers> Host, IDialogReference Dialog)> OpenAsync(OpportunityStage target, params StageRequirement[] missing)
    {
        var host = Render<WithPopovers>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<StageCompletionDialog> { { d => d.Target, target }, { d => d.Missing, missing } };
        var dialog = await Renderer.Dispatcher.InvokeAsync(() => dialogs.ShowAsync<StageCompletionDialog>(null, parameters));
        host.WaitForAssertion(() => host.Find("[data-testid=completion-dialog]"));
        return (host, dialog);
    }
}
