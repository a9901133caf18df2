using Crm.Domain.Common;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Crm.Web.Features.Admin;

public sealed class AdminUsersEffects(UserAdministration users, RuleMessages rules, ISnackbar snackbar, IStringLocalizer<SharedResource> localizer)
{
    [EffectMethod]
    public async Task HandleLoad(LoadUsersAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadUsersSucceededAction(await users.ListAsync()));

    [EffectMethod]
    public async Task HandleSave(SaveUserAction action, IDispatcher dispatcher)
    {
        try
        {
            if (action.UserId is { } id)
            {
                await users.UpdateAsync(id, action.Input);
            }
            else
            {
                await users.CreateAsync(action.Input);
            }
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new SaveUserFailedAction(rules.Describe(violation)));
            return;
        }

        dispatcher.Dispatch(new SaveUserSucceededAction());
        snackbar.Add(localizer["Admin.Users.Saved", action.Input.DisplayName ?? string.Empty], Severity.Success);
        dispatcher.Dispatch(new LoadUsersAction());
    }

    [EffectMethod]
    public async Task HandleSetDisabled(SetUserDisabledAction action, IDispatcher dispatcher)
    {
        try
        {
            await users.SetDisabledAsync(action.UserId, action.Disabled);
        }
        catch (DomainRuleViolation violation)
        {
            var reason = rules.Describe(violation);
            dispatcher.Dispatch(new SetUserDisabledFailedAction(reason));
            snackbar.Add(reason, Severity.Warning);
            return;
        }

        dispatcher.Dispatch(new SetUserDisabledSucceededAction());
        dispatcher.Dispatch(new LoadUsersAction());
    }
}
