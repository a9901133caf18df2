using Crm.Domain.Opportunities;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Opportunities;

public sealed class PipelineEffects(
    OpportunityCommands commands, PipelineLive live, RuleMessages rules, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    [EffectMethod]
    public Task HandleLoad(LoadPipelineAction action, IDispatcher dispatcher) => live.StartAsync();

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
        var ago = Ago(clock.GetUtcNow() - change.At);
        var stage = localizer[$"OpportunityStage.{change.Stage}"];
        return change.Kind == BoardEventKinds.Moved || change.Kind == BoardEventKinds.Added
            ? localizer["Pipeline.ConflictMoved", who, stage, ago]
            : localizer["Pipeline.ConflictEdited", who, ago];
    }

    private string Ago(TimeSpan span) => TimeAgo.Describe(localizer, span);
}
