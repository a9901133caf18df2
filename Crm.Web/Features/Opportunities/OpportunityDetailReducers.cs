using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

public static class OpportunityDetailReducers
{
    [ReducerMethod]
    public static OpportunityDetailState OnOpenOpportunity(OpportunityDetailState state, OpenOpportunityAction action) =>
        state with { OpenId = action.Id, Detail = state.Detail?.Card.Id == action.Id ? state.Detail : null, IsLoading = true, Error = null };

    [ReducerMethod]
    public static OpportunityDetailState OnCloseOpportunity(OpportunityDetailState state, CloseOpportunityAction action) =>
        state with { OpenId = null, Detail = null, Error = null, IsSaving = false };

    [ReducerMethod]
    public static OpportunityDetailState OnLoadOpportunityDetailSucceeded(OpportunityDetailState state, LoadOpportunityDetailSucceededAction action) =>
        action.Detail is null || action.Detail.Card.Id == state.OpenId
            ? state with { Detail = action.Detail, IsLoading = false }
            : state;

    [ReducerMethod]
    public static OpportunityDetailState OnSaveOpportunity(OpportunityDetailState state, SaveOpportunityAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static OpportunityDetailState OnAddFollowUp(OpportunityDetailState state, AddFollowUpAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static OpportunityDetailState OnCreateOpportunity(OpportunityDetailState state, CreateOpportunityAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static OpportunityDetailState OnOpportunityDetailSaved(OpportunityDetailState state, OpportunityDetailSavedAction action) =>
        state with { IsSaving = false, Error = null, CreatedCount = action.Created ? state.CreatedCount + 1 : state.CreatedCount };

    [ReducerMethod]
    public static OpportunityDetailState OnOpportunityDetailFailed(OpportunityDetailState state, OpportunityDetailFailedAction action) =>
        state with { IsSaving = false, Error = action.Reason };

    [ReducerMethod]
    public static OpportunityDetailState OnLoadCustomerOptionsSucceeded(OpportunityDetailState state, LoadCustomerOptionsSucceededAction action) =>
        state with { Customers = action.Customers };

    /// <summary>The open card changed elsewhere: the drawer shows it (its form keeps what the user typed).</summary>
    [ReducerMethod]
    public static OpportunityDetailState OnOpportunityChangedRemotely(OpportunityDetailState state, OpportunityChangedRemotelyAction action) =>
        state.Detail is { } detail && detail.Card.Id == action.Card.Id && action.Card.Version > detail.Card.Version
            ? state with { Detail = detail with { Card = action.Card } }
            : state;

    [ReducerMethod]
    public static OpportunityDetailState OnEffectFailed(OpportunityDetailState state, EffectFailedAction action) =>
        action.Action is SaveOpportunityAction or AddFollowUpAction or CreateOpportunityAction or OpenOpportunityAction
            ? state with { IsSaving = false, IsLoading = false }
            : state;
}
