using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.State;

namespace Crm.Web.Features.Admin;

[FeatureState]
public sealed record PoolSettingsState
{
    public PoolSettingsForm? Form { get; init; }

    public bool IsSaving { get; init; }

    public string? Error { get; init; }

    public int SavedCount { get; init; }
}

public sealed record LoadPoolSettingsAction;

public sealed record LoadPoolSettingsSucceededAction(PoolSettingsForm Form);

public sealed record SavePoolSettingsAction(PoolSettingsInput Settings);

public sealed record SavePoolSettingsSucceededAction(PoolSettingsForm Form);

public sealed record SavePoolSettingsFailedAction(string Reason);

public static class PoolSettingsReducers
{
    [ReducerMethod]
    public static PoolSettingsState OnLoadPoolSettingsSucceeded(PoolSettingsState state, LoadPoolSettingsSucceededAction action) =>
        state with { Form = action.Form, Error = null };

    [ReducerMethod]
    public static PoolSettingsState OnSavePoolSettings(PoolSettingsState state, SavePoolSettingsAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static PoolSettingsState OnSavePoolSettingsSucceeded(PoolSettingsState state, SavePoolSettingsSucceededAction action) =>
        state with { IsSaving = false, Form = action.Form, SavedCount = state.SavedCount + 1 };

    [ReducerMethod]
    public static PoolSettingsState OnSavePoolSettingsFailed(PoolSettingsState state, SavePoolSettingsFailedAction action) =>
        state with { IsSaving = false, Error = action.Reason };

    [ReducerMethod]
    public static PoolSettingsState OnEffectFailed(PoolSettingsState state, EffectFailedAction action) =>
        action.Action is SavePoolSettingsAction ? state with { IsSaving = false } : state;
}

public sealed class PoolSettingsEffects(PoolSettingsCommands commands, RuleMessages rules)
{
    [EffectMethod]
    public async Task HandleLoad(LoadPoolSettingsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadPoolSettingsSucceededAction(await commands.LoadAsync()));

    [EffectMethod]
    public async Task HandleSave(SavePoolSettingsAction action, IDispatcher dispatcher)
    {
        try
        {
            await commands.SaveAsync(action.Settings);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new SavePoolSettingsFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new SavePoolSettingsSucceededAction(await commands.LoadAsync()));
    }
}
