using Crm.Web.State;

namespace Crm.Web.Features.Leads;

/// <summary>The import dialog: checking a file, importing its valid rows with progress, the report.</summary>
public static class LeadImportReducers
{
    [ReducerMethod]
    public static LeadImportState OnCheckLeadImport(LeadImportState state, CheckLeadImportAction action) =>
        new() { FileName = action.FileName, ShopId = action.ShopId, Source = action.Source, IsChecking = true };

    [ReducerMethod]
    public static LeadImportState OnCheckLeadImportSucceeded(LeadImportState state, CheckLeadImportSucceededAction action) =>
        state with { Rows = action.Rows, Preview = action.Preview, IsChecking = false, Error = null };

    [ReducerMethod]
    public static LeadImportState OnCheckLeadImportFailed(LeadImportState state, CheckLeadImportFailedAction action) =>
        state with { Rows = [], Preview = null, IsChecking = false, Error = action.Reason };

    [ReducerMethod]
    public static LeadImportState OnStartLeadImport(LeadImportState state, StartLeadImportAction action) =>
        state.Preview is null || state.IsImporting || state.Report is not null
            ? state
            : state with { IsImporting = true, Done = 0, Total = state.Preview.ValidCount };

    [ReducerMethod]
    public static LeadImportState OnLeadImportProgressed(LeadImportState state, LeadImportProgressedAction action) =>
        state.IsImporting ? state with { Done = action.Done, Total = action.Total } : state;

    [ReducerMethod]
    public static LeadImportState OnLeadImportCompleted(LeadImportState state, LeadImportCompletedAction action) =>
        state with { IsImporting = false, Report = action.Report, Done = action.Report.Imported, Total = action.Report.Imported };

    [ReducerMethod]
    public static LeadImportState OnLeadImportFailed(LeadImportState state, LeadImportFailedAction action) =>
        state with { IsImporting = false, Error = action.Reason };

    [ReducerMethod]
    public static LeadImportState OnResetLeadImport(LeadImportState state, ResetLeadImportAction action) =>
        state.IsImporting ? state : new LeadImportState();

    [ReducerMethod]
    public static LeadImportState OnEffectFailed(LeadImportState state, EffectFailedAction action) => action.Action switch
    {
        CheckLeadImportAction => OnCheckLeadImportFailed(state, new CheckLeadImportFailedAction(action.Exception.Message)),
        StartLeadImportAction => OnLeadImportFailed(state, new LeadImportFailedAction(action.Exception.Message)),
        _ => state,
    };
}
