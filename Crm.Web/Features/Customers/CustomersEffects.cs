using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.State;

namespace Crm.Web.Features.Customers;

public sealed class CustomersEffects(CustomerCommands commands, HandOverCommands handOver, CustomerProfileQuery profiles, RuleMessages rules)
{
    [EffectMethod]
    public async Task HandleLoadChoices(LoadCustomerChoicesAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadCustomerChoicesSucceededAction(await commands.OptionsAsync()));

    [EffectMethod]
    public Task HandleSave(SaveCustomerAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, async () => action.Id is { } id
            ? await EditAsync(id, action)
            : await commands.CreateAsync(action.Input));

    [EffectMethod]
    public Task HandleRecordFollowUp(RecordCustomerFollowUpAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, async () =>
        {
            await commands.RecordFollowUpAsync(action.Input);
            return action.Input.CustomerId;
        });

    [EffectMethod]
    public Task HandleSaveContact(SaveContactAction action, IDispatcher dispatcher) =>
        RunAsync(dispatcher, async () =>
        {
            if (action.ContactId is { } contact)
            {
                await commands.EditContactAsync(action.CustomerId, contact, action.Input);
            }
            else
            {
                await commands.AddContactAsync(action.CustomerId, action.Input);
            }

            return action.CustomerId;
        });

    [EffectMethod]
    public async Task HandleHandOver(HandOverCustomersAction action, IDispatcher dispatcher)
    {
        HandOverResult result;
        try
        {
            result = await handOver.HandOverAsync(action.Request);
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new CustomerSaveFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new CustomersHandedOverAction(result));
    }

    [EffectMethod]
    public async Task HandleOpenProfile(OpenCustomerProfileAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new CustomerProfileLoadedAction(action.Id, await profiles.LoadAsync(action.Id)));

    private async Task<Guid> EditAsync(Guid id, SaveCustomerAction action)
    {
        await commands.EditAsync(id, action.ExpectedVersion, action.Input);
        return id;
    }

    /// <summary>Saves; on success the list reloads and the profile of the customer shows the change.</summary>
    private async Task RunAsync(IDispatcher dispatcher, Func<Task<Guid>> save)
    {
        Guid id;
        try
        {
            id = await save();
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new CustomerSaveFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new CustomerSavedAction(id));
        dispatcher.Dispatch(new CustomerProfileLoadedAction(id, await profiles.LoadAsync(id)));
    }
}
