using Crm.Domain.Approvals;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Approvals;

public sealed class ApprovalsEffects(
    ApprovalCommands commands, ApprovalsLive live, RuleMessages rules, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    [EffectMethod]
    public Task HandleLoad(LoadApprovalsAction action, IDispatcher dispatcher) => live.StartAsync();

    [EffectMethod]
    public async Task HandleDecide(DecideApprovalAction action, IDispatcher dispatcher)
    {
        var outcome = await commands.DecideAsync(action.CardId, action.Decision, action.Comment, action.ExpectedVersion);
        if (outcome.Decided is not null)
        {
            dispatcher.Dispatch(new DecideApprovalSucceededAction(outcome.Decided));
        }
        else if (outcome.Conflict is { } conflict)
        {
            dispatcher.Dispatch(new DecideApprovalFailedAction(action.CardId, DescribeConflict(conflict), outcome.Current));
        }
        else
        {
            dispatcher.Dispatch(new DecideApprovalFailedAction(action.CardId, rules.Describe(outcome.Refusal!), outcome.Current));
        }
    }

    private string DescribeConflict(LastDecision decision)
    {
        var ago = Components.Ago.Text(localizer, clock.GetUtcNow() - decision.At);
        if (decision.IsAutomatic)
        {
            return localizer["Approvals.ConflictAutomatic", ago, decision.Comment ?? string.Empty];
        }

        var who = decision.ActorName ?? localizer["Pipeline.SomeoneElse"];
        return decision.Status == ApprovalStatus.Pending
            ? localizer["Approvals.ConflictChanged", who, ago]
            : localizer["Approvals.ConflictDecided", who, localizer[$"ApprovalStatus.{decision.Status}"], ago];
    }
}
