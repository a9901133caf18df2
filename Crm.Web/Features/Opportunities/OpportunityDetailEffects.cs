using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.State;

namespace Crm.Web.Features.Opportunities;

public sealed class OpportunityDetailEffects(OpportunityDetailCommands commands, PipelineLive live, RuleMessages rules)
{
    [EffectMethod]
    public async Task HandleOpen(OpenOpportunityAction action, IDispatcher dispatcher)
    {
        await live.SetEditingAsync(action.Id);
        dispatcher.Dispatch(new LoadOpportunityDetailSucceededAction(await commands.LoadAsync(action.Id)));
    }

    [EffectMethod]
    public Task HandleClose(CloseOpportunityAction action, IDispatcher dispatcher) => live.SetEditingAsync(null);

    [EffectMethod]
    public Task HandleSave(SaveOpportunityAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, action.Id, () => commands.EditAsync(action.Id, action.ExpectedVersion, action.Edit));

    [EffectMethod]
    public Task HandleAddFollowUp(AddFollowUpAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, action.Id, () => commands.AddFollowUpAsync(action.Id, action.FollowUp));

    [EffectMethod]
    public async Task HandleCreate(CreateOpportunityAction action, IDispatcher dispatcher)
    {
        try
        {
            await commands.CreateAsync(action.Input);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new OpportunityDetailFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new OpportunityDetailSavedAction(Created: true));
    }

    [EffectMethod]
    public async Task HandleLoadCustomers(LoadCustomerOptionsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadCustomerOptionsSucceededAction(await commands.CustomersAsync()));

    private async Task RunAsync(IDispatcher dispatcher, Guid id, Func<Task> save)
    {
        try
        {
            await save();
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new OpportunityDetailFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new OpportunityDetailSavedAction(Created: false));
        dispatcher.Dispatch(new LoadOpportunityDetailSucceededAction(await commands.LoadAsync(id)));
    }
}
