using System.Globalization;
using ClosedXML.Excel;
using Crm.Domain.Common;
using CsvHelper;
using CsvHelper.Configuration;

namespace Crm.Infrastructure.Leads;

/// <summary>One data row of an import file, as typed; <see cref="Line"/> is the row number a spreadsheet shows (the header is 1).</summary>
public sealed record LeadFileRow(int Line, string? Name, string? Company, string? Phone, string? ChatId, string? Source);

/// <summary>
/// Reads leads from a CSV or Excel (.xlsx) file whose first row names the columns, in English or
/// Chinese (Name/姓名, Company/公司, Phone/电话/手机, WeChat/微信, Source/来源); other columns are ignored.
/// A file it cannot use is refused with a rule code (lead-import.*), never half read.
/// </summary>
public static class LeadFile
{
    /// <summary>Bigger files are refused: an import is one user's work, not a migration.</summary>
    public const int MaxRows = 20_000;

    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, Column> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = Column.Name, ["contact"] = Column.Name, ["姓名"] = Column.Name, ["名字"] = Column.Name, ["联系人"] = Column.Name,
        ["company"] = Column.Company, ["公司"] = Column.Company, ["公司名称"] = Column.Company, ["单位"] = Column.Company,
        ["phone"] = Column.Phone, ["mobile"] = Column.Phone, ["电话"] = Column.Phone, ["手机"] = Column.Phone, ["手机号"] = Column.Phone,
        ["联系电话"] = Column.Phone,
        ["wechat"] = Column.ChatId, ["chat id"] = Column.ChatId, ["chatid"] = Column.ChatId, ["wechat id"] = Column.ChatId,
        ["微信"] = Column.ChatId, ["微信号"] = Column.ChatId,
        ["source"] = Column.Source, ["来源"] = Column.Source, ["渠道"] = Column.Source,
    };

    private enum Column
    {
        Name,
        Company,
        Phone,
        ChatId,
        Source,
    }

    public static IReadOnlyList<LeadFileRow> Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var table = FormatOf(fileName) switch
        {
            ".csv" => ReadCsv(stream),
            ".xlsx" => ReadXlsx(stream),
            _ => throw new DomainRuleViolation("lead-import.unsupported-file", "Choose a .csv or .xlsx file.", fileName),
        };

        if (table.Count == 0)
        {
            throw new DomainRuleViolation("lead-import.empty", "The file has no rows.");
        }

        var columns = table[0].Select(h => Headers.TryGetValue(h.Trim(), out var c) ? c : (Column?)null).ToList();
        if (!columns.Contains(Column.Name))
        {
            throw new DomainRuleViolation("lead-import.no-name-column", "The first row must name the columns, with a Name column.");
        }

        if (table.Count - 1 > MaxRows)
        {
            throw new DomainRuleViolation("lead-import.too-many-rows", $"A file may have at most {MaxRows} rows.", MaxRows);
        }

        var rows = new List<LeadFileRow>(table.Count - 1);
        for (var i = 1; i < table.Count; i++)
        {
            var cells = table[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Cell(Column column)
            {
                var index = columns.IndexOf(column);
                return index >= 0 && index < cells.Count && !string.IsNullOrWhiteSpace(cells[index]) ? cells[index].Trim() : null;
            }

            rows.Add(new LeadFileRow(i + 1, Cell(Column.Name), Cell(Column.Company), Cell(Column.Phone), Cell(Column.ChatId), Cell(Column.Source)));
        }

        return rows.Count == 0 ? throw new DomainRuleViolation("lead-import.empty", "The file has no rows.") : rows;
    }

    /// <summary>Writes a table (a header row, then the rows) as CSV (UTF-8 with a byte order mark, so Excel reads Chinese) or .xlsx.</summary>
    public static void Write(Stream stream, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        switch (FormatOf("x." + format))
        {
            case ".csv":
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
                using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
                {
                    foreach (var row in rows.Prepend(headers))
                    {
                        foreach (var cell in row)
                        {
                            csv.WriteField(cell ?? string.Empty);
                        }

                        csv.NextRecord();
                    }
                }

                break;
            case ".xlsx":
                using (var workbook = new XLWorkbook())
                {
                    var sheet = workbook.AddWorksheet("Leads");
                    var r = 1;
                    foreach (var row in rows.Prepend(headers))
                    {
                        for (var c = 0; c < row.Count; c++)
                        {
                            // Text cells: a phone number must not turn into 1.38E+10.
                            sheet.Cell(r, c + 1).SetValue(row[c] ?? string.Empty);
                        }

                        r++;
                    }

                    sheet.Row(1).Style.Font.Bold = true;
                    workbook.SaveAs(stream);
                }

                break;
            default:
                throw new DomainRuleViolation("lead-import.unsupported-file", "Choose a .csv or .xlsx file.", format);
        }
    }

    private static string? FormatOf(string fileName)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension is ".csv" or ".xlsx" ? extension : null;
    }

    private static List<List<string>> ReadCsv(Stream stream)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        try
        {
            using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
            using var csv = new CsvReader(reader, configuration);
            var table = new List<List<string>>();
            while (csv.Read())
            {
                table.Add([.. Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i) ?? string.Empty)]);
                if (table.Count > MaxRows + 1)
                {
                    break;
                }
            }

            return table;
        }
        catch (CsvHelperException exception)
        {
            throw new DomainRuleViolation("lead-import.unreadable", "The file could not be read as CSV.", exception.Message);
        }
    }

    private static List<List<string>> ReadXlsx(Stream stream)
    {
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(Seekable(stream));
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ArgumentException or FormatException
                                              or InvalidOperationException or NotSupportedException
                                              or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException)
        {
            throw new DomainRuleViolation("lead-import.unreadable", "The file could not be read as an Excel workbook.", exception.Message);
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (used is null)
            {
                return [];
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            var lastRow = Math.Min(used.LastRow().RowNumber(), MaxRows + 2);
            var table = new List<List<string>>(lastRow);
            for (var r = 1; r <= lastRow; r++)
            {
                var row = sheet!.Row(r);
                table.Add([.. Enumerable.Range(1, lastColumn).Select(c => row.Cell(c).GetFormattedString())]);
            }

            return table;
        }
    }

    /// <summary>A browser upload stream cannot seek; the package reader needs to.</summary>
    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }

        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
