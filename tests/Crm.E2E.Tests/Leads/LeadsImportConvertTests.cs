using Crm.Domain.Leads;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Leads;

/// <summary>A rep imports a small CSV on /leads (bad rows shown and skipped), then converts one of the new leads into a customer.</summary>
public sealed class LeadsImportConvertTests(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    private const string Csv = """
        Name,Company,Phone,WeChat,Source
        欧阳明,明达仓储有限公司,150 7777 0001,wx_ouyang,Trade show
        ,无名公司,150 7777 0002,,
        司马青,,150 7777 0001,,
        上官云,,150 7777 0003,,Referral
        """;

    [Fact]
    public async Task WhenRep1ImportsACsvAndConvertsALead_OnlyGoodRowsArriveAndTheLeadBecomesACustomer()
    {
        var page = await NewSessionAsync();
        var shell = await new LoginPage(page).SignInFromScratchAsync(DemoUser.Rep1.Email, DemoPassword);
        await page.GetByTestId("nav-leads").ClickAsync();
        var leads = new LeadsPage(page);
        await Expect(leads.Table).ToBeVisibleAsync();
        await Expect(leads.Names.First).ToBeVisibleAsync();
        var pendingBefore = int.Parse(await leads.TabCount("pending").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await leads.ImportAsync("leads.csv", Csv);

        await Expect(leads.ImportValid).ToHaveTextAsync("2 ready to import");
        await Expect(leads.ImportInvalid).ToHaveTextAsync("2 with problems");
        await Expect(leads.ImportIssues(3)).ToHaveTextAsync("A name is required.");
        await Expect(leads.ImportIssues(4)).ToHaveTextAsync("Same phone as line 2 of the file.");
        await page.ScreenshotAsync(new() { Path = Shot("leads-import-preview.png") });
        await leads.ImportStart.ClickAsync();
        await Expect(leads.ImportReport).ToHaveTextAsync("2 lead(s) imported; 2 row(s) skipped.");
        await leads.ImportClose.ClickAsync();
        await Expect(leads.ImportDialog).ToHaveCountAsync(0);
        await Expect(leads.TabCount("pending")).ToHaveTextAsync((pendingBefore + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var imported = await StoredAsync("欧阳明");
        imported.Status.ShouldBe(LeadStatus.Pending);
        imported.OwnerId.ShouldBe(DemoIds.Rep1);
        (await StoredCountAsync("司马青")).ShouldBe(0);

        await leads.SearchAsync("欧阳");
        await Expect(leads.Names).ToHaveTextAsync(["欧阳明"]);
        await page.ScreenshotAsync(new() { Path = Shot("leads-list.png") });
        await leads.ActAsync(imported.Id.Value, "convert");
        await Expect(leads.ConvertDialog).ToBeVisibleAsync();
        await Expect(leads.Input("lead-convert-customer")).ToHaveValueAsync("明达仓储有限公司");
        await leads.ConvertSubmit.ClickAsync();

        await Expect(leads.ConvertDialog).ToHaveCountAsync(0);
        await Expect(leads.Status(imported.Id.Value)).ToHaveTextAsync("Converted");
        await Expect(leads.Snackbar).ToContainTextAsync("欧阳明 converted into customer 明达仓储有限公司.");
        var converted = await StoredAsync("欧阳明");
        converted.Status.ShouldBe(LeadStatus.Converted);
        await using var db = App.DemoDatabase();
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == converted.ConvertedCustomerId);
        customer.Name.ShouldBe("明达仓储有限公司");
        customer.OwnerId.ShouldBe(DemoIds.Rep1);
        customer.ChatId.ShouldBe("wx_ouyang");
        customer.Contacts.ShouldHaveSingleItem().Name.ShouldBe("欧阳明");
        await page.ScreenshotAsync(new() { Path = Shot("leads-converted.png") });

        // The export of the filtered list, as the Export menu links it, reads back through the import's reader.
        var export = await page.Context.APIRequest.GetAsync("leads/export.csv?q=" + Uri.EscapeDataString("欧阳"));
        export.Status.ShouldBe(200);
        var exported = Crm.Infrastructure.Leads.LeadFile.Read(new MemoryStream(await export.BodyAsync()), "leads.csv");
        exported.ShouldHaveSingleItem().ShouldBe(new Crm.Infrastructure.Leads.LeadFileRow(2, "欧阳明", "明达仓储有限公司", "150 7777 0001", "wx_ouyang", "Trade show"));
        await shell.SwitchLanguageAsync("zh-CN");
        await Expect(leads.Tab("pending")).ToContainTextAsync("待跟进");
        await page.ScreenshotAsync(new() { Path = Shot("leads-zh.png") });
    }

    /// <summary>Screenshots for a person to look at, beside the test output (not in the repository).</summary>
    private static string Shot(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);

    private async Task<Lead> StoredAsync(string name)
    {
        await using var db = App.DemoDatabase();
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Name == name);
    }

    private async Task<int> StoredCountAsync(string name)
    {
        await using var db = App.DemoDatabase();
        return await db.Leads.CountAsync(l => l.Name == name);
    }
}
