using System.Text;
using Crm.Domain.Common;
using Crm.Infrastructure.Leads;

namespace Crm.Infrastructure.Tests.Leads;

/// <summary>Reading and writing lead files: what the import accepts, what it refuses, and that an export reads back.</summary>
public sealed class LeadFileTests
{
    [Fact]
    public void WhenACsvUsesSemicolonsAndExtraColumns_TheKnownColumnsAreReadAndBlankLinesSkipped()
    {
        var rows = Read("Notes;Phone;Name\nvip;138 0000 0001;周一\n;;\n;;吴二", "x.csv");

        rows.ShouldBe([new LeadFileRow(2, "周一", null, "138 0000 0001", null, null), new LeadFileRow(4, "吴二", null, null, null, null)]);
    }

    [Theory]
    [InlineData("leads.txt", "Name\nA", "lead-import.unsupported-file")]
    [InlineData("leads.csv", "Phone,Company\n138,X", "lead-import.no-name-column")]
    [InlineData("leads.csv", "Name,Phone\n", "lead-import.empty")]
    [InlineData("leads.xlsx", "this is not a workbook", "lead-import.unreadable")]
    public void WhenAFileCannotBeUsed_ItIsRefusedWithItsReason(string name, string content, string code)
    {
        var refusal = Should.Throw<DomainRuleViolation>(() => Read(content, name));

        refusal.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public void WhenAnExportIsReadBack_ItGivesTheSameRows(string format)
    {
        string?[][] rows = [["周一", "一号物流", "13800000001", "wx_1", "官网"], ["吴二", null, "+86 139 0000 0002", null, "Referral"]];
        using var file = new MemoryStream();

        LeadFile.Write(file, format, ["姓名", "公司", "电话", "微信", "来源"], rows);
        file.Position = 0;
        var read = LeadFile.Read(file, "export." + format);

        read.ShouldBe(
        [
            new LeadFileRow(2, "周一", "一号物流", "13800000001", "wx_1", "官网"),
            new LeadFileRow(3, "吴二", null, "+86 139 0000 0002", null, "Referral"),
        ]);
    }

    [Fact]
    public void WhenAnXlsxHasPhonesTypedAsNumbers_TheyReadAsTheirDigits()
    {
        using var file = LeadImportTests.Workbook(["Name", "Phone"], ["周一", "13800000001"]);

        LeadFile.Read(file, "x.xlsx").ShouldHaveSingleItem().Phone.ShouldBe("13800000001");
    }

    private static IReadOnlyList<LeadFileRow> Read(string content, string name) => LeadFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(content)), name);
}
