using System.Globalization;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;
using Crm.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Leads;

/// <summary>
/// The export of the leads list as the user filtered it (the same query parameters as /leads), as CSV
/// or .xlsx, with headers and values in the user's language; the file reads back through the import.
/// </summary>
public static class LeadExportEndpoints
{
    public static IEndpointRouteBuilder MapLeadExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/leads/export.{format}", ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = LeadsPage.AllowedRoles });
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        string format,
        string? status,
        Guid? owner,
        string? source,
        string? q,
        LeadCommands commands,
        IStringLocalizer<SharedResource> localizer,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx"))
        {
            return Results.NotFound();
        }

        var filter = new LeadFilter(
            Enum.TryParse<LeadStatus>(status, out var s) ? s : null,
            owner,
            Enum.TryParse<SourceChannel>(source, out var c) ? c : null,
            q);
        var rows = await commands.ExportAsync(filter, cancellationToken);
        string[] headers =
        [
            localizer["Leads.Name"], localizer["Leads.Company"], localizer["Leads.Phone"], localizer["Leads.WeChat"], localizer["Leads.Source"],
            localizer["Leads.Status"], localizer["Leads.Owner"], localizer["Leads.Created"], localizer["Leads.LastFollowUp"], localizer["Leads.LastResult"],
        ];
        var content = new MemoryStream();
        LeadFile.Write(content, format, headers, rows.Select(r => (IReadOnlyList<string?>)
        [
            r.Name, r.Company, r.Phone, r.ChatId, localizer[$"SourceChannel.{r.Source}"], localizer[$"LeadStatus.{r.Status}"],
            r.OwnerName ?? localizer["Leads.Pool"], Day(r.CreatedAt), r.LastFollowedUpAt is { } at ? Day(at) : null, r.LastFollowUpResult,
        ]));
        content.Position = 0;
        var type = format == "csv" ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        var name = string.Create(CultureInfo.InvariantCulture, $"leads-{clock.GetUtcNow():yyyy-MM-dd}.{format}");
        return Results.File(content, type, name);
    }

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
