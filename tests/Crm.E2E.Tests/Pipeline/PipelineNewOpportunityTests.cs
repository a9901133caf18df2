using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>A rep creates an opportunity from the board's dialog: it lands in Lead on every board that may see it, live.</summary>
public sealed class PipelineNewOpportunityTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenRepCreatesAnOpportunityFromTheDialog_ItAppearsInLeadOnRepsAndManagersBoardsWithoutReload()
    {
        var customer = await Rep1CustomerAsync();
        const string title = "E2E 1200 nine-leg pallets";
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var manager = await OpenBoardAsync(DemoUser.Manager);
        await Expect(manager.Presence(DemoUser.Rep1.Email)).ToBeVisibleAsync();
        await manager.MarkDocumentAsync();
        await rep1.MarkDocumentAsync();

        var dialog = await rep1.OpenNewOpportunityAsync();
        await dialog.ChooseCustomerAsync(customer[..3], customer);
        await dialog.Title.FillAsync(title);
        await dialog.Amount.FillAsync("36500");
        await dialog.ChooseCloseDayAsync(15);
        await dialog.Save.ClickAsync();

        await Expect(dialog.Root).ToHaveCountAsync(0);
        var created = await StoredByTitleAsync(title);
        created.ShouldNotBeNull("the opportunity was not saved");
        created.OwnerId.ShouldBe(DemoIds.Rep1);
        created.Stage.ShouldBe(OpportunityStage.Lead);
        created.Amount.Amount.ShouldBe(36500m);
        created.ExpectedCloseDate.Day.ShouldBe(15);
        var id = created.Id.Value;
        await Expect(rep1.CardIn("lead", id)).ToBeVisibleAsync();
        await Expect(rep1.CardTitle(id)).ToHaveTextAsync(title);
        await Expect(rep1.CardCustomer(id)).ToHaveTextAsync(customer);
        await Expect(manager.CardIn("lead", id)).ToBeVisibleAsync();
        await Expect(manager.CardTitle(id)).ToHaveTextAsync(title);
        (await rep1.IsSameDocumentAsync()).ShouldBeTrue("rep1's board showed the new card without a reload");
        (await manager.IsSameDocumentAsync()).ShouldBeTrue("the manager's board showed the new card without a reload");
    }

    [Fact]
    public async Task WhenRepSavesTheDialogWithoutATitle_TheRequiredErrorShowsAndNothingIsCreated()
    {
        var customer = await Rep1CustomerAsync();
        var countBefore = await OpportunityCountAsync();
        var rep1 = await OpenBoardAsync(DemoUser.Rep1);
        var leadsBefore = await rep1.CountAsync("lead");

        var dialog = await rep1.OpenNewOpportunityAsync();
        await dialog.ChooseCustomerAsync(customer[..3], customer);
        await dialog.Amount.FillAsync("1000");
        await dialog.Save.ClickAsync();

        await Expect(dialog.FieldErrors).ToHaveTextAsync(["This field is required."]);
        await Expect(dialog.Root).ToBeVisibleAsync();
        await Expect(dialog.Error).ToHaveCountAsync(0);
        (await OpportunityCountAsync()).ShouldBe(countBefore);
        await Expect(rep1.ColumnCount("lead")).ToHaveTextAsync(leadsBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The first (by name) customer of rep1's shop: one rep1 may create an opportunity for.</summary>
    private async Task<string> Rep1CustomerAsync()
    {
        await using var db = App.DemoDatabase();
        var names = await db.Customers.AsNoTracking().Where(c => c.ShopId == DemoIds.TmallShop).Select(c => c.Name).ToListAsync();
        return names.Order(StringComparer.Ordinal).First();
    }

    private async Task<Opportunity?> StoredByTitleAsync(string title)
    {
        await using var db = App.DemoDatabase();
        return await db.Opportunities.AsNoTracking().SingleOrDefaultAsync(o => o.Title == title);
    }

    private async Task<int> OpportunityCountAsync()
    {
        await using var db = App.DemoDatabase();
        return await db.Opportunities.CountAsync();
    }
}
