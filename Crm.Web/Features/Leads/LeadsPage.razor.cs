using System.Globalization;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Web.Features.Shell;
using Crm.Web.Identity;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Leads;

/// <summary>The leads list. Thin: reads LeadsState, dispatches actions, keeps the filters in the URL.</summary>
public partial class LeadsPage
{
    public const string AllowedRoles = $"{Roles.SalesRep},{Roles.Manager},{Roles.Admin}";

    private static readonly LeadStatus?[] Tabs =
        [null, LeadStatus.Unassigned, LeadStatus.Pending, LeadStatus.FollowingUp, LeadStatus.Converted, LeadStatus.Invalid, LeadStatus.Voided];

    private HashSet<LeadRow> _selected = [];
    private int _lastNotice;
    private LeadPage? _shownPage;

    [Inject]
    private IState<LeadsState> State { get; set; } = default!;

    [Inject]
    private IState<ShellState> Shell { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = "owner")]
    public Guid? OwnerQuery { get; set; }

    [SupplyParameterFromQuery(Name = "source")]
    public string? SourceQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? TextQuery { get; set; }

    [SupplyParameterFromQuery(Name = "page")]
    public int? PageQuery { get; set; }

    private UserScope? Scope => CurrentUser.Scope;

    private bool IsManager => Scope is { } s && LeadCommands.IsManager(s);

    private LeadFilter Filter => State.Value.Filter;

    private int TabIndex => Array.IndexOf(Tabs, Filter.Status);

    private int PageCount => (State.Value.Page.Total + Filter.PageSize - 1) / Filter.PageSize;

    private bool IsFiltered => Filter.Status is not null || Filter.OwnerId is not null || Filter.Source is not null || Filter.Text is not null;

    private static string TabKey(LeadStatus? status) => LeadsView.KeyOf(status);

    private string TabText(LeadStatus? status) => status is { } s ? L[$"LeadStatus.{s}"] : L["Leads.All"];

    protected override void OnInitialized()
    {
        base.OnInitialized();
        State.StateChanged += OnStateChanged;
        Dispatch(new LoadLeadOwnersAction());
    }

    protected override void OnParametersSet()
    {
        var filter = new LeadFilter(
            Enum.TryParse<LeadStatus>(StatusQuery, out var status) ? status : null,
            OwnerQuery,
            Enum.TryParse<SourceChannel>(SourceQuery, out var source) ? source : null,
            TextQuery,
            PageQuery ?? 0).Normalized();
        if (filter != State.Value.Filter || !State.Value.IsLoaded)
        {
            Dispatch(new LoadLeadsAction(filter));
        }
    }

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= OnStateChanged;
        base.Dispose(disposing);
    }

    private static Color ColorOf(LeadStatus status) => status switch
    {
        LeadStatus.Unassigned => Color.Info,
        LeadStatus.Pending => Color.Warning,
        LeadStatus.FollowingUp => Color.Primary,
        LeadStatus.Converted => Color.Success,
        LeadStatus.Invalid => Color.Default,
        _ => Color.Error,
    };

    private void OnTabChanged(int index) => ChangeFilter(Filter with { Status = Tabs[index], Page = 0 });

    private void ChangeFilter(LeadFilter filter) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(QueryOf(filter)), replace: true);

    private string ExportUrl(string format) =>
        Navigation.GetUriWithQueryParameters($"/leads/export.{format}", QueryOf(Filter with { Page = 0 }));

    private static Dictionary<string, object?> QueryOf(LeadFilter filter) => new()
    {
        ["status"] = filter.Status?.ToString(),
        ["owner"] = filter.OwnerId,
        ["source"] = filter.Source?.ToString(),
        ["q"] = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text,
        ["page"] = filter.Page > 0 ? filter.Page : null,
    };

    private async Task ActAsync(LeadRow row, LeadVerb verb)
    {
        var lead = new LeadVersion(row.Id, row.Version);
        LeadAct? act = verb switch
        {
            LeadVerb.Take => new LeadAct.Take(),
            LeadVerb.Revive => new LeadAct.Revive(),
            LeadVerb.Restore => new LeadAct.Restore(),
            LeadVerb.FollowUp => await AskAsync(row, verb, required: true) is { } result ? new LeadAct.FollowUp(result) : null,
            LeadVerb.MarkInvalid => await AskAsync(row, verb, required: true) is { } reason ? new LeadAct.MarkInvalid(reason) : null,
            LeadVerb.Void => await AskAsync(row, verb, required: true) is { } reason ? new LeadAct.Void(reason) : null,
            LeadVerb.Return => await AskAsync(row, verb, required: false) is { } reason ? new LeadAct.Return(reason) : null,
            _ => null,
        };

        if (act is not null)
        {
            Dispatch(new ActOnLeadAction(lead, act));
        }
        else if (verb == LeadVerb.Assign)
        {
            await AssignAsync([row]);
        }
        else if (verb == LeadVerb.Convert)
        {
            await ConvertAsync(row);
        }
    }

    /// <summary>Asks for the text a verb needs (a result or a reason). Null when the user cancels.</summary>
    private async Task<string?> AskAsync(LeadRow row, LeadVerb verb, bool required)
    {
        var parameters = new DialogParameters<LeadTextDialog>
        {
            { d => d.Prompt, L[$"Leads.Ask.{verb}", row.Name].Value },
            { d => d.Label, L[$"Leads.Label.{verb}"].Value },
            { d => d.Confirm, L[$"Leads.Verb.{verb}"].Value },
            { d => d.Required, required },
            { d => d.IsDestructive, verb == LeadVerb.Void },
        };
        var dialog = await Dialogs.ShowAsync<LeadTextDialog>(L[$"Leads.Verb.{verb}"], parameters, Options(MaxWidth.Small));
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    private async Task AssignAsync(IReadOnlyList<LeadRow> rows)
    {
        var parameters = new DialogParameters<AssignLeadsDialog>
        {
            { d => d.Owners, State.Value.Owners },
            { d => d.LeadNames, [.. rows.Select(r => r.Name)] },
        };
        var dialog = await Dialogs.ShowAsync<AssignLeadsDialog>(L["Leads.Verb.Assign"], parameters, Options(MaxWidth.Small));
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: Guid rep })
        {
            Dispatch(new AssignLeadsAction([.. rows.Select(r => new LeadVersion(r.Id, r.Version))], rep));
            _selected = [];
        }
    }

    private Task<IDialogReference> ConvertAsync(LeadRow row) =>
        Dialogs.ShowAsync<ConvertLeadDialog>(L["Leads.Verb.Convert"], new DialogParameters<ConvertLeadDialog> { { d => d.Lead, row } }, Options(MaxWidth.Small));

    private Task<IDialogReference> NewLeadAsync() =>
        Dialogs.ShowAsync<NewLeadDialog>(L["Leads.New"], new DialogParameters<NewLeadDialog> { { d => d.ShopId, DefaultShop() } }, Options(MaxWidth.Small));

    private Task<IDialogReference> ImportAsync()
    {
        Dispatch(new ResetLeadImportAction());
        return Dialogs.ShowAsync<LeadImportDialog>(
            L["Leads.Import"], new DialogParameters<LeadImportDialog> { { d => d.ShopId, DefaultShop() } }, Options(MaxWidth.Large));
    }

    /// <summary>The shop chosen in the app bar, else the user's only shop, else the first the user sees.</summary>
    private Guid? DefaultShop() =>
        Shell.Value.SelectedShopId?.Value
        ?? (Scope?.ShopIds.Count == 1 ? Scope.ShopIds.First().Value : Shell.Value.Shops.FirstOrDefault()?.Id.Value);

    private static DialogOptions Options(MaxWidth width) => new() { MaxWidth = width, FullWidth = true, CloseOnEscapeKey = true };

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(React);

    /// <summary>Shows each notice once, and forgets a selection the reloaded page no longer holds.</summary>
    private void React()
    {
        if (State.Value.Notice is { } notice && notice.Id != _lastNotice)
        {
            _lastNotice = notice.Id;
            Snackbar.Add(notice.Message, notice.IsError ? Severity.Warning : Severity.Success, o => o.VisibleStateDuration = 8000);
            Dispatch(new LeadsNoticeShownAction(notice.Id));
        }

        if (!ReferenceEquals(_shownPage, State.Value.Page))
        {
            _shownPage = State.Value.Page;
            var ids = _shownPage.Rows.Select(r => r.Id).ToHashSet();
            _selected = [.. _shownPage.Rows.Where(r => _selected.Any(s => s.Id == r.Id) && ids.Contains(r.Id))];
            StateHasChanged();
        }
    }

    private static string Day(DateTimeOffset at) => at.ToLocalTime().ToString("d", CultureInfo.CurrentCulture);
}
