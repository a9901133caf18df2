using Crm.Web.State;

namespace Crm.Web.Features.Leads;

public static class LeadsReducers
{
    [ReducerMethod]
    public static LeadsState OnLoadLeads(LeadsState state, LoadLeadsAction action) =>
        state with { Filter = action.Filter, IsLoading = true };

    /// <summary>A late answer for a filter the user has already left is dropped.</summary>
    [ReducerMethod]
    public static LeadsState OnLoadLeadsSucceeded(LeadsState state, LoadLeadsSucceededAction action) =>
        action.Filter == state.Filter ? state with { Page = action.Page, IsLoading = false, IsLoaded = true } : state;

    [ReducerMethod]
    public static LeadsState OnLoadLeadOwnersSucceeded(LeadsState state, LoadLeadOwnersSucceededAction action) =>
        state with { Owners = action.Owners };

    [ReducerMethod]
    public static LeadsState OnCreateLead(LeadsState state, CreateLeadAction action) => state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static LeadsState OnAssignLeads(LeadsState state, AssignLeadsAction action) => state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static LeadsState OnActOnLead(LeadsState state, ActOnLeadAction action) => state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static LeadsState OnConvertLead(LeadsState state, ConvertLeadAction action) => state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static LeadsState OnLeadsSaved(LeadsState state, LeadsSavedAction action) => state with
    {
        IsSaving = false,
        SavedCount = state.SavedCount + 1,
        NoticeCount = state.NoticeCount + 1,
        Notice = new LeadsNotice(action.Message, action.IsPartial, state.NoticeCount + 1),
    };

    [ReducerMethod]
    public static LeadsState OnLeadsFailed(LeadsState state, LeadsFailedAction action) => state with
    {
        IsSaving = false,
        Error = action.Reason,
        NoticeCount = state.NoticeCount + 1,
        Notice = new LeadsNotice(action.Reason, true, state.NoticeCount + 1),
    };

    [ReducerMethod]
    public static LeadsState OnLeadsNoticeShown(LeadsState state, LeadsNoticeShownAction action) =>
        state.Notice?.Id == action.Id ? state with { Notice = null } : state;

    [ReducerMethod]
    public static LeadsState OnEffectFailed(LeadsState state, EffectFailedAction action) => action.Action switch
    {
        LoadLeadsAction => state with { IsLoading = false },
        CreateLeadAction or AssignLeadsAction or ActOnLeadAction or ConvertLeadAction =>
            OnLeadsFailed(state, new LeadsFailedAction(action.Exception.Message)),
        _ => state,
    };
}
