using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components;
using Crm.Web.Features.Shell;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Opportunities;

public sealed class PipelineEffects(
    OpportunityCommands commands, PipelineLive live, IState<PipelineState> state, RuleMessages rules, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    [EffectMethod]
    public Task HandleLoad(LoadPipelineAction action, IDispatcher dispatcher) => live.StartAsync();

    /// <summary>The filters run in SQL: another filter loads the board again (totals and first cards).</summary>
    [EffectMethod]
    public Task HandleFilter(SetPipelineFilterAction action, IDispatcher dispatcher) => live.IsBehind ? live.ResyncAsync() : Task.CompletedTask;

    /// <summary>The shell's shop is a filter of the board too.</summary>
    [EffectMethod]
    public Task HandleShop(SelectShopAction action, IDispatcher dispatcher) => live.IsBehind ? live.ResyncAsync() : Task.CompletedTask;

    [EffectMethod]
    public async Task HandleShowMore(ShowMorePipelineStageAction action, IDispatcher dispatcher)
    {
        var cards = await commands.LoadStageAsync(state.Value.Query, action.Stage, state.Value.LimitOf(action.Stage));
        dispatcher.Dispatch(new PipelineStageLoadedAction(action.Stage, cards));
    }

    [EffectMethod]
    public async Task HandleMove(MoveOpportunityAction action, IDispatcher dispatcher)
    {
        var outcome = await commands.MoveAsync(action.CardId, action.Target, action.ExpectedVersion, action.Completion);
        if (outcome.Moved is not null)
        {
            dispatcher.Dispatch(new MoveOpportunitySucceededAction(outcome.Moved));
        }
        else if (outcome.Missing.Count > 0)
        {
            dispatcher.Dispatch(new MoveOpportunityNeedsCompletionAction(action.CardId, action.Target, outcome.Missing));
        }
        else if (outcome.Conflict is { } conflict)
        {
            dispatcher.Dispatch(new MoveOpportunityFailedAction(action.CardId, DescribeConflict(conflict), outcome.Current));
        }
        else
        {
            dispatcher.Dispatch(new MoveOpportunityFailedAction(action.CardId, rules.Describe(outcome.Refusal!), outcome.Current));
        }
    }

    private string DescribeConflict(LastChange change)
    {
        var who = change.ActorName ?? localizer["Pipeline.SomeoneElse"];
        var ago = Components.Ago.Text(localizer, clock.GetUtcNow() - change.At);
        var stage = localizer[$"OpportunityStage.{change.Stage}"];
        return change.Kind == BoardEventKinds.Moved || change.Kind == BoardEventKinds.Added
            ? localizer["Pipeline.ConflictMoved", who, stage, ago]
            : localizer["Pipeline.ConflictEdited", who, ago];
    }
}
