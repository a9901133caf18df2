using System.Text;
using Bunit;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.Leads;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Components;

/// <summary>The import preview: a file's rows as checked against the demo database, each problem in the user's words.</summary>
public sealed class LeadImportPreviewViewTests : ComponentTestBase
{
    private static readonly LeadImportTarget Rep1 = new(DemoIds.DemoTenant, DemoIds.TmallShop, DemoIds.Rep1, DemoIds.Rep1, SourceChannel.Website);

    [Fact]
    public async Task WhenAFileHasGoodAndBadRows_EachBadRowSaysWhyAndTheCountsAddUp()
    {
        var (customer, owner, phone) = await AnOwnedCustomerAsync();
        var preview = await PreviewAsync(
            "Name,Phone,WeChat",
            "周一,138 2222 0001,wx_zhou",
            ",138 2222 0002,",
            "吴二,138-2222-0001,",
            $"郑三,{phone},",
            "王四,138 2222 0004,WX_ZHOU",
            "冯五,138 2222 0005,");

        var cut = RenderPreview(preview);

        cut.Find("[data-testid=import-preview-valid]").TextContent.Trim().ShouldBe("2 ready to import");
        cut.Find("[data-testid=import-preview-invalid]").TextContent.Trim().ShouldBe("4 with problems");
        Issues(cut, 3).ShouldBe(["A name is required."]);
        Issues(cut, 4).ShouldBe(["Same phone as line 2 of the file."]);
        Issues(cut, 5).ShouldBe([$"This phone number belongs to {customer}, owned by {owner}."]);
        Issues(cut, 6).ShouldBe(["Same WeChat id as line 2 of the file."]);
        Issues(cut, 2).ShouldBeEmpty();
        cut.FindAll("tr.crm-import-error").Count.ShouldBe(4);
    }

    [Fact]
    public async Task WhenOnlyRowsWithProblemsAreAskedFor_TheReadyRowsAreHidden()
    {
        var preview = await PreviewAsync("Name,Phone", "周一,138 2222 0001", ",138 2222 0002", "吴二,bad phone");
        var cut = RenderPreview(preview);
        Lines(cut).ShouldBe(["2", "3", "4"]);

        cut.Find("input[data-testid=import-preview-errors-only]").Change(true);

        Lines(cut).ShouldBe(["3", "4"]);
        Issues(cut, 4).ShouldBe(["\"bad phone\" is not a phone number: use digits, a leading +, spaces and dashes."]);
    }

    [Fact]
    public async Task WhenTheUserReadsChinese_TheProblemsAreInChinese()
    {
        UseCulture("zh-CN");
        var preview = await PreviewAsync("姓名,电话", ",138 2222 0002", "吴二,138 2222 0003", "郑三,138 2222 0003");

        var cut = RenderPreview(preview);

        cut.Find("[data-testid=import-preview-valid]").TextContent.Trim().ShouldBe("1 行可导入");
        Issues(cut, 2).ShouldBe(["姓名为必填项。"]);
        Issues(cut, 4).ShouldBe(["电话与文件第 3 行重复。"]);
    }

    private IRenderedComponent<LeadImportPreviewView> RenderPreview(LeadImportPreview preview)
    {
        var rules = Services.GetRequiredService<RuleMessages>();
        return Render<LeadImportPreviewView>(p => p
            .Add(v => v.Rows, preview.Rows)
            .Add(v => v.Describe, issue => rules.Describe(issue.ToViolation())));
    }

    private async Task<LeadImportPreview> PreviewAsync(params string[] lines)
    {
        var rows = LeadFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "leads.csv");
        await using var db = Database.OpenDemo();
        return await LeadImport.PreviewAsync(db, rows, Rep1);
    }

    private async Task<(string Customer, string Owner, string Phone)> AnOwnedCustomerAsync()
    {
        await using var db = Database.OpenDemo();
        var customer = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep2 && c.Phone != null).OrderBy(c => c.Name).FirstAsync();
        return (customer.Name, "Zhang Min", customer.Phone!);
    }

    private static List<string> Issues(IRenderedComponent<LeadImportPreviewView> cut, int line) =>
        [.. cut.FindAll($"[data-testid=import-issue-{line}]").Select(e => e.TextContent.Trim())];

    private static List<string> Lines(IRenderedComponent<LeadImportPreviewView> cut) =>
        [.. cut.FindAll("[data-testid^=import-line-]").Select(e => e.TextContent.Trim())];
}
