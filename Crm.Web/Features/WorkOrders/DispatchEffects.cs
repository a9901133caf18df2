using Crm.Domain.Service;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.WorkOrders;

public sealed class DispatchEffects(
    WorkOrderCommands commands, DispatchLive live, RuleMessages rules, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    [EffectMethod]
    public Task HandleLoad(LoadDispatchAction action, IDispatcher dispatcher) => live.StartAsync();

    [EffectMethod]
    public async Task HandleAssign(AssignWorkOrderAction action, IDispatcher dispatcher) =>
        Report(action.CardId, await commands.AssignAsync(action.CardId, action.TechnicianId, action.ExpectedVersion, action.OverCapacityConfirmed), dispatcher);

    [EffectMethod]
    public async Task HandleMove(MoveWorkOrderAction action, IDispatcher dispatcher) =>
        Report(action.CardId, await commands.MoveAsync(action.CardId, action.Target, action.ExpectedVersion, action.Details), dispatcher);

    [EffectMethod]
    public async Task HandleCreate(CreateWorkOrderAction action, IDispatcher dispatcher) =>
        Report(Guid.Empty, await commands.OpenAsync(action.WorkOrder), dispatcher);

    [EffectMethod]
    public async Task HandleSetOffDuty(SetTechnicianOffDutyAction action, IDispatcher dispatcher)
    {
        if (await commands.SetOffDutyAsync(action.TechnicianId, action.OffDuty) is { } technician)
        {
            dispatcher.Dispatch(new TechnicianUpdatedAction(technician));
        }
    }

    private void Report(Guid cardId, DispatchOutcome outcome, IDispatcher dispatcher)
    {
        if (outcome.Done is { } card)
        {
            dispatcher.Dispatch(new WorkOrderSavedAction(card, localizer["WorkOrders.Saved", localizer[$"WorkOrderStatus.{card.Status}"]]));
        }
        else if (outcome.OverCapacity is { } capacity)
        {
            dispatcher.Dispatch(new WorkOrderOverCapacityAction(cardId, capacity.TechnicianId, capacity.Open, capacity.Capacity));
        }
        else if (outcome.Conflict is { } conflict)
        {
            dispatcher.Dispatch(new WorkOrderRefusedAction(cardId, DescribeConflict(conflict), outcome.Current));
        }
        else
        {
            dispatcher.Dispatch(new WorkOrderRefusedAction(cardId, rules.Describe(outcome.Refusal!), outcome.Current));
        }
    }

    private string DescribeConflict(WorkOrderLastChange change)
    {
        var who = change.ActorName ?? localizer["Pipeline.SomeoneElse"];
        var ago = Ago(clock.GetUtcNow() - change.At);
        var status = localizer[$"WorkOrderStatus.{change.Status}"];
        return change.Status == WorkOrderStatus.Assigned && change.TechnicianName is not null
            ? localizer["WorkOrders.ConflictAssigned", who, change.TechnicianName, ago]
            : localizer["WorkOrders.ConflictMoved", who, status, ago];
    }

    private string Ago(TimeSpan span) => Components.Ago.Text(localizer, span);
}
