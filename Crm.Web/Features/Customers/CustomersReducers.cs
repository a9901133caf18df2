using Crm.Web.State;

namespace Crm.Web.Features.Customers;

public static class CustomersReducers
{
    [ReducerMethod]
    public static CustomersState OnLoadCustomerChoicesSucceeded(CustomersState state, LoadCustomerChoicesSucceededAction action) =>
        state with { Options = action.Options };

    [ReducerMethod]
    public static CustomersState OnSetCustomerFilter(CustomersState state, SetCustomerFilterAction action) =>
        state with { Filter = action.Filter };

    [ReducerMethod]
    public static CustomersState OnSaveCustomer(CustomersState state, SaveCustomerAction action) => Saving(state);

    [ReducerMethod]
    public static CustomersState OnRecordCustomerFollowUp(CustomersState state, RecordCustomerFollowUpAction action) => Saving(state);

    [ReducerMethod]
    public static CustomersState OnSaveContact(CustomersState state, SaveContactAction action) => Saving(state);

    [ReducerMethod]
    public static CustomersState OnHandOverCustomers(CustomersState state, HandOverCustomersAction action) =>
        Saving(state) with { LastHandOver = null };

    [ReducerMethod]
    public static CustomersState OnCustomerSaved(CustomersState state, CustomerSavedAction action) =>
        state with { IsSaving = false, Error = null, SavedCount = state.SavedCount + 1, ListVersion = state.ListVersion + 1 };

    [ReducerMethod]
    public static CustomersState OnCustomersHandedOver(CustomersState state, CustomersHandedOverAction action) =>
        state with { IsSaving = false, Error = null, SavedCount = state.SavedCount + 1, ListVersion = state.ListVersion + 1, LastHandOver = action.Result };

    [ReducerMethod]
    public static CustomersState OnCustomerSaveFailed(CustomersState state, CustomerSaveFailedAction action) =>
        state with { IsSaving = false, Error = action.Reason };

    [ReducerMethod]
    public static CustomersState OnClearCustomerError(CustomersState state, ClearCustomerErrorAction action) =>
        state with { Error = null };

    [ReducerMethod]
    public static CustomersState OnEffectFailed(CustomersState state, EffectFailedAction action) =>
        action.Action is SaveCustomerAction or RecordCustomerFollowUpAction or SaveContactAction or HandOverCustomersAction
            ? state with { IsSaving = false }
            : state;

    private static CustomersState Saving(CustomersState state) => state with { IsSaving = true, Error = null };
}

public static class CustomerProfileReducers
{
    [ReducerMethod]
    public static CustomerProfileState OnOpenCustomerProfile(CustomerProfileState state, OpenCustomerProfileAction action) =>
        state.Id == action.Id
            ? state with { IsLoading = true }
            : new CustomerProfileState { Id = action.Id, IsLoading = true };

    /// <summary>A late answer for a profile no longer open is dropped.</summary>
    [ReducerMethod]
    public static CustomerProfileState OnCustomerProfileLoaded(CustomerProfileState state, CustomerProfileLoadedAction action) =>
        state.Id == action.Id
            ? state with { Profile = action.Profile, IsLoading = false, NotFound = action.Profile is null }
            : state;

    [ReducerMethod]
    public static CustomerProfileState OnEffectFailed(CustomerProfileState state, EffectFailedAction action) =>
        action.Action is OpenCustomerProfileAction ? state with { IsLoading = false } : state;
}
