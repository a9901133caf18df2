using Crm.Domain.Opportunities;
using Crm.Infrastructure.Leads;

namespace Crm.Web.Features.Leads;

/// <summary>Import of a file: a rep's rows become their Pending leads; a manager's land in the lead pool of the chosen shop.</summary>
public sealed partial class LeadCommands
{
    public async Task<LeadImportPreview> PreviewImportAsync(
        IReadOnlyList<LeadFileRow> rows, Guid? shopId, SourceChannel defaultSource, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LeadImport.PreviewAsync(db, rows, TargetFor(scope, ShopFor(scope, shopId), defaultSource), cancellationToken);
    }

    public async Task<LeadImportReport> ImportAsync(
        IReadOnlyList<LeadFileRow> rows,
        Guid? shopId,
        SourceChannel defaultSource,
        IProgress<LeadImportProgress>? progress,
        CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LeadImport.ImportAsync(
            db, rows, TargetFor(scope, ShopFor(scope, shopId), defaultSource), clock.GetUtcNow(), progress, cancellationToken);
    }
}
