using System.Globalization;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components.Kanban;
using Crm.Web.Features.Shell;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Opportunities;

/// <summary>The live pipeline board. Thin: reads PipelineState, dispatches actions, keeps filters in the URL.</summary>
public partial class PipelinePage
{
    private DateTimeOffset _now;
    private bool _showPanel = true;
    private bool _completionOpen;
    private int _lastNotice;
    private ((PipelineState, Guid?, DateTimeOffset) Key, IReadOnlyList<OpportunityCard> Cards)? _visible;

    [Inject]
    private IState<PipelineState> State { get; set; } = default!;

    [Inject]
    private IState<ShellState> Shell { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private PipelineLive Live { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "owner")]
    public Guid? OwnerFilter { get; set; }

    [SupplyParameterFromQuery(Name = "shop")]
    public Guid? ShopFilter { get; set; }

    [SupplyParameterFromQuery(Name = "priority")]
    public string? PriorityFilter { get; set; }

    [SupplyParameterFromQuery(Name = "stale")]
    public bool? StaleFilter { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? TextFilter { get; set; }

    private bool IsManager => CurrentUser.Scope is { } s && (s.IsInRole(Roles.Manager) || s.IsAdmin || s.IsHeadOffice);

    /// <summary>The cards the filters let through, worked out once per render (the columns and the cards both read them).</summary>
    private IReadOnlyList<OpportunityCard> Visible
    {
        get
        {
            var key = (State.Value, Shell.Value.SelectedShopId?.Value, _now);
            if (_visible is not { } visible || !visible.Key.Equals(key))
            {
                _visible = visible = (key, PipelineView.Visible(State.Value, Shell.Value.SelectedShopId?.Value, _now));
            }

            return visible.Cards;
        }
    }

    private IReadOnlyList<OpportunityCard> Rendered => PipelineView.Rendered(Visible, State.Value);

    private IReadOnlyList<OwnerOption> Owners => State.Value.Owners;

    /// <summary>What the title bar and filters show: they re-render when this changes, not on every move.</summary>
    private object ToolbarShows => (State.Value.Filter, State.Value.Presence, State.Value.Owners, _showPanel);

    private IReadOnlyList<KanbanColumn> Columns =>
        PipelineView.Columns(State.Value, Visible)
            .Select(f => new KanbanColumn(
                KeyOf(f.Stage),
                Localizer($"OpportunityStage.{f.Stage}"),
                f.Count,
                FormatMoney(f.Amount),
                Localizer("Pipeline.Weighted", FormatMoney(f.Weighted)),
                Foldable: f.Stage.IsClosed(),
                Folded: State.Value.Folded.Contains(f.Stage),
                HiddenCount: f.HiddenCount))
            .ToList();

    public static string KeyOf(OpportunityStage stage) => stage switch
    {
        OpportunityStage.FirstContact => "first-contact",
        OpportunityStage.NeedsAnalysis => "needs-analysis",
        _ => stage.ToString().ToLowerInvariant(),
    };

    public static OpportunityStage StageOf(string key) => OpportunityStages.All.First(s => KeyOf(s) == key);

    /// <summary>Deal amounts are CNY: shown with the yuan sign in every UI language.</summary>
    public static string FormatMoney(decimal amount) => amount.ToString("C0", Yuan);

    /// <summary>Looked up once: <see cref="CultureInfo.GetCultureInfo(string)"/> takes a lock, and every viewer formats sums on every move.</summary>
    private static readonly CultureInfo Yuan = CultureInfo.GetCultureInfo("zh-CN");

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _now = Clock.GetUtcNow();
        State.StateChanged += OnStateChanged;
        Dispatch(new LoadPipelineAction());
    }

    protected override void OnParametersSet()
    {
        var filter = new PipelineFilter(
            OwnerFilter, ShopFilter, Enum.TryParse<Priority>(PriorityFilter, out var p) ? p : null, StaleFilter ?? false, TextFilter);
        Dispatch(new SetPipelineFilterAction(filter));
    }

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= OnStateChanged;
        _ = Live.StopAsync();
        base.Dispose(disposing);
    }

    private string Localizer(string key, params object[] args) => L[key, args];

    /// <summary>What a card shows beyond its record: it re-renders only when this or the card changes.</summary>
    private object CardStamp(OpportunityCard card) => (
        PipelineView.IsStale(card, State.Value.Settings.StaleRule, _now),
        PipelineView.DaysSinceFollowUp(card, _now),
        (int)(_now - card.StageEnteredAt).TotalDays,
        State.Value.Pending.ContainsKey(card.Id),
        EditingBy(card.Id));

    /// <summary>Who else edits or drags the card (asked for every card on every render: a plain loop, no allocations).</summary>
    private string? EditingBy(Guid cardId)
    {
        var me = CurrentUser.Scope?.UserId.Value;
        foreach (var present in State.Value.Presence)
        {
            if (present.EditingCardId == cardId && present.UserId != me)
            {
                return present.DisplayName;
            }
        }

        return null;
    }

    private string PresenceText(PresenceEntry present) =>
        present.EditingCardId is { } card && State.Value.Cards.TryGetValue(card, out var c)
            ? L["Pipeline.PresenceEditing", present.DisplayName, c.Title]
            : present.DisplayName;

    private void ChangeFilter(PipelineFilter filter)
    {
        var query = new Dictionary<string, object?>
        {
            ["owner"] = filter.OwnerId,
            ["shop"] = filter.ShopId,
            ["priority"] = filter.Priority?.ToString(),
            ["stale"] = filter.StaleOnly ? true : null,
            ["q"] = string.IsNullOrWhiteSpace(filter.Text) ? null : filter.Text,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
    }

    private void OnDrop(KanbanMove<OpportunityCard> move)
    {
        _ = Live.SetEditingAsync(null);
        Move(move.Item, StageOf(move.ToColumn));
    }

    private Task<IDialogReference> NewOpportunityAsync() =>
        Dialogs.ShowAsync<NewOpportunityDialog>(L["Pipeline.New"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });

    private void Move(OpportunityCard card, OpportunityStage target)
    {
        _now = Clock.GetUtcNow();
        var expected = State.Value.Pending.TryGetValue(card.Id, out var pending) ? pending.ExpectedVersion : card.Version;
        Dispatch(new MoveOpportunityAction(card.Id, target, expected));
    }

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(ReactAsync);

    /// <summary>Shows what the state asks to show once: a rollback notice, or the details dialog of a move.</summary>
    private async Task ReactAsync()
    {
        _now = Clock.GetUtcNow();
        if (State.Value.Notice is { } notice && notice.Id != _lastNotice)
        {
            _lastNotice = notice.Id;
            Snackbar.Add(notice.Message, notice.IsError ? Severity.Warning : Severity.Info, o => o.VisibleStateDuration = 8000);
            Dispatch(new NoticeShownAction(notice.Id));
        }

        if (State.Value.AwaitingCompletion is { } request && !_completionOpen)
        {
            _completionOpen = true;
            try
            {
                await AskForCompletionAsync(request);
            }
            finally
            {
                _completionOpen = false;
            }
        }
    }

    private async Task AskForCompletionAsync(CompletionRequest request)
    {
        var parameters = new DialogParameters<StageCompletionDialog> { { d => d.Target, request.Target }, { d => d.Missing, request.Missing } };
        var dialog = await Dialogs.ShowAsync<StageCompletionDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: StageCompletion completion } && State.Value.Pending.TryGetValue(request.CardId, out var pending))
        {
            Dispatch(new MoveOpportunityAction(request.CardId, request.Target, pending.ExpectedVersion, completion));
        }
        else
        {
            Dispatch(new CancelOpportunityCompletionAction(L["Pipeline.MoveCancelled", L[$"OpportunityStage.{request.Target}"]]));
        }
    }
}
