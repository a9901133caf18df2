using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.State;

namespace Crm.Web.Features.Admin;

[FeatureState]
public sealed record ServiceSettingsState
{
    public ServiceSettingsInput? Settings { get; init; }

    public bool IsSaving { get; init; }

    public string? Error { get; init; }

    public int SavedCount { get; init; }
}

public sealed record LoadServiceSettingsAction;

public sealed record LoadServiceSettingsSucceededAction(ServiceSettingsInput Settings);

public sealed record SaveServiceSettingsAction(ServiceSettingsInput Settings);

public sealed record SaveServiceSettingsSucceededAction(ServiceSettingsInput Settings);

public sealed record SaveServiceSettingsFailedAction(string Reason);

public static class ServiceSettingsReducers
{
    [ReducerMethod]
    public static ServiceSettingsState OnLoadServiceSettingsSucceeded(ServiceSettingsState state, LoadServiceSettingsSucceededAction action) =>
        state with { Settings = action.Settings, Error = null };

    [ReducerMethod]
    public static ServiceSettingsState OnSaveServiceSettings(ServiceSettingsState state, SaveServiceSettingsAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static ServiceSettingsState OnSaveServiceSettingsSucceeded(ServiceSettingsState state, SaveServiceSettingsSucceededAction action) =>
        state with { IsSaving = false, Settings = action.Settings, SavedCount = state.SavedCount + 1 };

    [ReducerMethod]
    public static ServiceSettingsState OnSaveServiceSettingsFailed(ServiceSettingsState state, SaveServiceSettingsFailedAction action) =>
        state with { IsSaving = false, Error = action.Reason };

    [ReducerMethod]
    public static ServiceSettingsState OnEffectFailed(ServiceSettingsState state, EffectFailedAction action) =>
        action.Action is SaveServiceSettingsAction ? state with { IsSaving = false } : state;
}

public sealed class ServiceSettingsEffects(ServiceSettingsCommands commands, RuleMessages rules)
{
    [EffectMethod]
    public async Task HandleLoad(LoadServiceSettingsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadServiceSettingsSucceededAction(await commands.LoadAsync()));

    [EffectMethod]
    public async Task HandleSave(SaveServiceSettingsAction action, IDispatcher dispatcher)
    {
        try
        {
            await commands.SaveAsync(action.Settings);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new SaveServiceSettingsFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new SaveServiceSettingsSucceededAction(await commands.LoadAsync()));
    }
}
