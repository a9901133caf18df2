using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.State;

namespace Crm.Web.Features.Admin;

[FeatureState]
public sealed record PipelineSettingsState
{
    public PipelineSettingsInput? Settings { get; init; }

    public bool IsSaving { get; init; }

    public string? Error { get; init; }

    public int SavedCount { get; init; }
}

public sealed record LoadPipelineSettingsAction;

public sealed record LoadPipelineSettingsSucceededAction(PipelineSettingsInput Settings);

public sealed record SavePipelineSettingsAction(PipelineSettingsInput Settings);

public sealed record SavePipelineSettingsSucceededAction(PipelineSettingsInput Settings);

public sealed record SavePipelineSettingsFailedAction(string Reason);

public static class PipelineSettingsReducers
{
    [ReducerMethod]
    public static PipelineSettingsState OnLoadPipelineSettingsSucceeded(PipelineSettingsState state, LoadPipelineSettingsSucceededAction action) =>
        state with { Settings = action.Settings, Error = null };

    [ReducerMethod]
    public static PipelineSettingsState OnSavePipelineSettings(PipelineSettingsState state, SavePipelineSettingsAction action) =>
        state with { IsSaving = true, Error = null };

    [ReducerMethod]
    public static PipelineSettingsState OnSavePipelineSettingsSucceeded(PipelineSettingsState state, SavePipelineSettingsSucceededAction action) =>
        state with { IsSaving = false, Settings = action.Settings, SavedCount = state.SavedCount + 1 };

    [ReducerMethod]
    public static PipelineSettingsState OnSavePipelineSettingsFailed(PipelineSettingsState state, SavePipelineSettingsFailedAction action) =>
        state with { IsSaving = false, Error = action.Reason };

    [ReducerMethod]
    public static PipelineSettingsState OnEffectFailed(PipelineSettingsState state, EffectFailedAction action) =>
        action.Action is SavePipelineSettingsAction ? state with { IsSaving = false } : state;
}

public sealed class PipelineSettingsEffects(PipelineSettingsCommands commands, RuleMessages rules)
{
    [EffectMethod]
    public async Task HandleLoad(LoadPipelineSettingsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadPipelineSettingsSucceededAction(await commands.LoadAsync()));

    [EffectMethod]
    public async Task HandleSave(SavePipelineSettingsAction action, IDispatcher dispatcher)
    {
        try
        {
            await commands.SaveAsync(action.Settings);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new SavePipelineSettingsFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new SavePipelineSettingsSucceededAction(await commands.LoadAsync()));
    }
}
