using Crm.Domain.Common;
using Crm.Infrastructure.Leads;
using Crm.Web.Components;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Features.Leads;

public sealed class LeadsEffects(
    LeadCommands commands, IState<LeadsState> leads, IState<LeadImportState> import, RuleMessages rules, IStringLocalizer<SharedResource> localizer)
{
    [EffectMethod]
    public async Task HandleLoad(LoadLeadsAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadLeadsSucceededAction(action.Filter, await commands.ListAsync(action.Filter)));

    [EffectMethod]
    public async Task HandleLoadOwners(LoadLeadOwnersAction action, IDispatcher dispatcher) =>
        dispatcher.Dispatch(new LoadLeadOwnersSucceededAction(await commands.OwnersAsync()));

    [EffectMethod]
    public Task HandleCreate(CreateLeadAction action, IDispatcher dispatcher) =>
        SaveAsync(dispatcher, async () =>
        {
            await commands.CreateAsync(action.Lead);
            return localizer["Leads.Added", action.Lead.Name ?? string.Empty];
        });

    [EffectMethod]
    public Task HandleAssign(AssignLeadsAction action, IDispatcher dispatcher) =>
        SaveAsync(dispatcher, async () =>
        {
            var outcome = await commands.AssignAsync([.. action.Leads.Select(l => (l.Id, l.Version))], action.RepId);
            var rep = leads.Value.Owners.Find(o => o.Id == action.RepId)?.Name ?? string.Empty;
            if (outcome.Refused.Count == 0)
            {
                return localizer["Leads.Assigned", outcome.Done, rep];
            }

            var reasons = string.Join("; ", outcome.Refused.Select(r => $"{r.LeadName}: {rules.Describe(r.Reason)}"));
            if (outcome.Done == 0)
            {
                throw new DomainRuleViolation("lead.assign-refused", reasons);
            }

            dispatcher.Dispatch(new LeadsSavedAction(localizer["Leads.AssignedPartly", outcome.Done, rep, reasons], IsPartial: true));
            return null;
        });

    [EffectMethod]
    public Task HandleAct(ActOnLeadAction action, IDispatcher dispatcher) =>
        SaveAsync(dispatcher, async () =>
        {
            await commands.ActAsync(action.Lead.Id, action.Lead.Version, action.Act);
            return localizer[$"Leads.Done.{action.Act.GetType().Name}", NameOf(action.Lead.Id)];
        });

    [EffectMethod]
    public Task HandleConvert(ConvertLeadAction action, IDispatcher dispatcher) =>
        SaveAsync(dispatcher, async () =>
        {
            var customer = await commands.ConvertAsync(action.Lead.Id, action.Lead.Version, action.Conversion);
            return localizer["Leads.Converted", NameOf(action.Lead.Id), customer];
        });

    [EffectMethod]
    public async Task HandleCheckImport(CheckLeadImportAction action, IDispatcher dispatcher)
    {
        try
        {
            using var content = new MemoryStream([.. action.Content]);
            var rows = LeadFile.Read(content, action.FileName);
            var preview = await commands.PreviewImportAsync(rows, action.ShopId, action.Source);
            dispatcher.Dispatch(new CheckLeadImportSucceededAction([.. rows], preview));
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new CheckLeadImportFailedAction(rules.Describe(violation)));
        }
    }

    [EffectMethod]
    public async Task HandleStartImport(StartLeadImportAction action, IDispatcher dispatcher)
    {
        var state = import.Value;
        if (!state.IsImporting)
        {
            return;
        }

        try
        {
            var progress = new DispatchingProgress(p => dispatcher.Dispatch(new LeadImportProgressedAction(p.Done, p.Total)));
            var report = await commands.ImportAsync(state.Rows, state.ShopId, state.Source, progress);
            dispatcher.Dispatch(new LeadImportCompletedAction(report));
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new LeadImportFailedAction(rules.Describe(violation)));
        }

        dispatcher.Dispatch(new LoadLeadsAction(leads.Value.Filter));
    }

    /// <summary>Runs a change; on success the user reads its message and the list reloads, on refusal the user reads why.</summary>
    private async Task SaveAsync(IDispatcher dispatcher, Func<Task<string?>> change)
    {
        try
        {
            if (await change() is { } message)
            {
                dispatcher.Dispatch(new LeadsSavedAction(message));
            }
        }
        catch (DomainRuleViolation violation)
        {
            dispatcher.Dispatch(new LeadsFailedAction(violation.Code == "lead.assign-refused" ? violation.Message : rules.Describe(violation)));
        }

        dispatcher.Dispatch(new LoadLeadsAction(leads.Value.Filter));
    }

    private string NameOf(Guid id) => leads.Value.Page.Rows.Find(r => r.Id == id)?.Name ?? string.Empty;

    /// <summary>Reports on the importing thread, in order (Progress&lt;T&gt; would post to a context and may reorder).</summary>
    private sealed class DispatchingProgress(Action<LeadImportProgress> report) : IProgress<LeadImportProgress>
    {
        public void Report(LeadImportProgress value) => report(value);
    }
}
