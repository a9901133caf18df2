using System.Text;
using ClosedXML.Excel;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Leads;

/// <summary>
/// Import on the real demo database: only the good rows of a file are saved, and the report names
/// each skipped row with its reason. Every test uses phones of its own, so they share one database.
/// </summary>
public sealed class LeadImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly LeadImportTarget Manager =
        new(DemoIds.DemoTenant, DemoIds.TmallShop, DemoIds.Manager, Owner: null, SourceChannel.Website);

    private static readonly LeadImportTarget Rep1 =
        new(DemoIds.DemoTenant, DemoIds.TmallShop, DemoIds.Rep1, Owner: DemoIds.Rep1, SourceChannel.Phone);

    [Fact]
    public async Task WhenACsvHasGoodAndBadRows_OnlyTheGoodRowsAreSavedAndTheReportSaysWhy()
    {
        var customerPhone = await ACustomerPhoneAsync();
        var csv = string.Join('\n',
            "Name,Company,Phone,WeChat,Source",
            "周一鸣,一鸣物流,138 1111 0001,wx_yiming,Trade show",
            ",无名公司,138 1111 0002,,",
            "钱二,,12ab34,,",
            "孙三,,138-1111-0001,,",
            "李四,,138 1111 0003,wx_yiming,",
            $"赵五,,{customerPhone},,",
            $"吴六,,{DemoLeads.Phone(1)},,",
            "郑七,七号仓储,138 1111 0004,,转介绍",
            "王八,,138 1111 0005,,carrier pigeon");
        var before = await CountLeadsAsync();

        var report = await ImportAsync(Read(csv, "leads.csv"), Manager);

        report.Imported.ShouldBe(2);
        report.Skipped.Select(r => (r.Row.Line, r.Issues[0].Code)).ShouldBe(
        [
            (3, "lead.name-required"),
            (4, "lead.phone-invalid"),
            (5, "lead-import.duplicate-phone-in-file"),
            (6, "lead-import.duplicate-chat-in-file"),
            (7, "customer.duplicate-phone"),
            (8, "lead-import.already-lead"),
            (10, "lead-import.source-unknown"),
        ]);
        report.Skipped.Single(r => r.Row.Line == 5).Issues[0].Arguments.ShouldBe([2]);
        report.Skipped.Single(r => r.Row.Line == 8).Issues[0].Arguments[1].ShouldBe("—");

        await using var db = database.CreateFor(DemoIds.DemoTenant);
        (await db.Leads.CountAsync()).ShouldBe(before + 2);
        var saved = await db.Leads.Where(l => l.Phone == "138 1111 0001" || l.Phone == "138 1111 0004").OrderBy(l => l.Phone).ToListAsync();
        saved.Select(l => (l.Name, l.Company, l.ChatId, l.Source, l.Status, l.OwnerId, l.ShopId)).ShouldBe(
        [
            ("周一鸣", "一鸣物流", "wx_yiming", SourceChannel.TradeShow, LeadStatus.Unassigned, null, DemoIds.TmallShop),
            ("郑七", "七号仓储", null, SourceChannel.Referral, LeadStatus.Unassigned, null, DemoIds.TmallShop),
        ]);
    }

    [Fact]
    public async Task WhenAnXlsxHasGoodAndBadRows_ARepsGoodRowsBecomeTheirPendingLeads()
    {
        var customerPhone = await ACustomerPhoneAsync();
        var file = Workbook(
            ["姓名", "公司", "手机", "微信号", "来源"],
            ["冯一", "冯氏贸易", "13922220001", "", "官网"],
            ["", "", "13922220002", "", ""],
            ["陈二", "", customerPhone, "", ""],
            ["褚三", "", "13922220001", "", ""],
            ["卫四", "", "", "wx_weisi", ""]);

        var report = await ImportAsync(LeadFile.Read(file, "线索.xlsx"), Rep1);

        report.Imported.ShouldBe(2);
        report.Skipped.Select(r => (r.Row.Line, r.Issues[0].Code)).ShouldBe(
        [
            (3, "lead.name-required"),
            (4, "customer.duplicate-phone"),
            (5, "lead-import.duplicate-phone-in-file"),
        ]);
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var saved = await db.Leads.Where(l => l.Name == "冯一" || l.Name == "卫四").OrderBy(l => l.Name).ToListAsync();
        saved.Select(l => (l.Name, l.Phone, l.ChatId, l.Source, l.Status, l.OwnerId)).ShouldBe(
        [
            ("冯一", "13922220001", null, SourceChannel.Website, LeadStatus.Pending, DemoIds.Rep1),
            ("卫四", null, "wx_weisi", SourceChannel.Phone, LeadStatus.Pending, DemoIds.Rep1),
        ]);
        saved.ShouldAllBe(l => l.StatusHistory.Count == 0 && l.AssignedAt == database.Clock.GetUtcNow());
    }

    [Fact]
    public async Task WhenTheSameFileIsImportedTwice_TheSecondImportSkipsEveryRowAsAlreadyALead()
    {
        var rows = Read("Name,Phone\n蒋一,137 3333 0001\n沈二,137 3333 0002", "again.csv");
        (await ImportAsync(rows, Manager)).Imported.ShouldBe(2);

        var again = await ImportAsync(rows, Manager);

        again.Imported.ShouldBe(0);
        again.Skipped.ShouldAllBe(r => r.Issues[0].Code == "lead-import.already-lead");
    }

    [Fact]
    public async Task WhenAFileIsLarge_ItIsSavedInBatchesAndProgressIsReportedAfterEach()
    {
        var lines = Enumerable.Range(1, 600).Select(i => $"批量{i},136{i:00000000}");
        var rows = Read("Name,Phone\n" + string.Join('\n', lines), "big.csv");
        var progress = new List<LeadImportProgress>();

        var report = await ImportAsync(rows, Manager, new SynchronousProgress(progress.Add));

        report.Imported.ShouldBe(600);
        progress.ShouldBe([new(0, 600), new(250, 600), new(500, 600), new(600, 600)]);
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        (await db.Leads.CountAsync(l => l.Name.StartsWith("批量"))).ShouldBe(600);
    }

    [Fact]
    public async Task WhenEveryRowIsBad_NothingIsSaved()
    {
        var before = await CountLeadsAsync();

        var report = await ImportAsync(Read("Name,Phone\n,135 0000 0001\n韩一,not a phone", "bad.csv"), Manager);

        report.Imported.ShouldBe(0);
        report.Skipped.Count.ShouldBe(2);
        (await CountLeadsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WhenTheOtherTenantHasTheSamePhone_TheRowIsImportedHere()
    {
        var report = await ImportAsync(Read("Name,Phone\nPat Twin,+1 555 0100", "twin.csv"), Manager);

        report.Imported.ShouldBe(1);
    }

    private async Task<LeadImportReport> ImportAsync(IReadOnlyList<LeadFileRow> rows, LeadImportTarget target, IProgress<LeadImportProgress>? progress = null)
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        return await LeadImport.ImportAsync(db, rows, target, database.Clock.GetUtcNow(), progress);
    }

    private async Task<string> ACustomerPhoneAsync()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        return (await db.Customers.Where(c => c.Phone != null && c.OwnerId != null).OrderBy(c => c.Name).Select(c => c.Phone).FirstAsync())!;
    }

    private async Task<int> CountLeadsAsync()
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        return await db.Leads.CountAsync();
    }

    private static IReadOnlyList<LeadFileRow> Read(string csv, string name) => LeadFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name);

    internal static MemoryStream Workbook(params string[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("线索");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                // Phones typed as numbers, as people do in Excel.
                if (long.TryParse(rows[r][c], out var number))
                {
                    sheet.Cell(r + 1, c + 1).SetValue(number);
                }
                else
                {
                    sheet.Cell(r + 1, c + 1).SetValue(rows[r][c]);
                }
            }
        }

        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    private sealed class SynchronousProgress(Action<LeadImportProgress> report) : IProgress<LeadImportProgress>
    {
        public void Report(LeadImportProgress value) => report(value);
    }
}
