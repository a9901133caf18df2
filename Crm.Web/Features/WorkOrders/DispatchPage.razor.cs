using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components.Kanban;
using Crm.Web.Identity;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.WorkOrders;

/// <summary>The live dispatch board. Thin: reads DispatchState, dispatches actions, asks for details and confirmations in dialogs.</summary>
public partial class DispatchPage
{
    private DateTimeOffset _now;
    private int _lastNotice;
    private bool _capacityOpen;

    [Inject]
    private IState<DispatchState> State { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private DispatchLive Live { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "type")]
    public string? TypeFilter { get; set; }

    [SupplyParameterFromQuery(Name = "priority")]
    public string? PriorityFilter { get; set; }

    [SupplyParameterFromQuery(Name = "technician")]
    public Guid? TechnicianFilter { get; set; }

    [SupplyParameterFromQuery(Name = "overdue")]
    public bool? OverdueFilter { get; set; }

    [SupplyParameterFromQuery(Name = "view")]
    public string? ViewFilter { get; set; }

    private bool CanDispatch => CurrentUser.Scope is { } scope && WorkOrderAccess.CanDispatch(scope);

    private IReadOnlyList<WorkOrderCard> Visible => DispatchView.Visible(State.Value, _now);

    private IReadOnlyList<LaneFigures> Lanes => DispatchView.Lanes(State.Value);

    private IReadOnlyList<WorkOrderCard> Rendered =>
        State.Value.ByTechnician ? Visible.Where(c => DispatchView.LaneKeyOf(c, State.Value.Technicians) is not null).ToList() : Visible;

    private IReadOnlyList<KanbanColumn> Columns => State.Value.ByTechnician ? LaneColumns() : StatusColumns();

    private string ColumnOf(WorkOrderCard card) =>
        State.Value.ByTechnician ? DispatchView.LaneKeyOf(card, State.Value.Technicians) ?? string.Empty : DispatchView.KeyOf(card.Status);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _now = Clock.GetUtcNow();
        State.StateChanged += OnStateChanged;
        Live.Hold();
        Dispatch(new LoadDispatchAction());
    }

    protected override void OnParametersSet()
    {
        var filter = new DispatchFilter(
            Enum.TryParse<WorkOrderType>(TypeFilter, out var type) ? type : null,
            Enum.TryParse<WorkOrderPriority>(PriorityFilter, out var priority) ? priority : null,
            TechnicianFilter,
            OverdueFilter ?? false);
        Dispatch(new SetDispatchFilterAction(filter));
        if (ViewFilter is not null)
        {
            Dispatch(new SetDispatchViewAction(ViewFilter == "technician"));
        }
    }

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= OnStateChanged;
        _ = Live.ReleaseAsync();
        base.Dispose(disposing);
    }

    private List<KanbanColumn> StatusColumns() =>
        DispatchView.Columns(Visible, _now)
            .Select(f => new KanbanColumn(
                DispatchView.KeyOf(f.Status),
                L[$"WorkOrderStatus.{f.Status}"],
                f.Count,
                f.Overdue > 0 ? L["WorkOrders.OverdueCount", f.Overdue].Value : null,
                null,
                Foldable: false,
                Folded: false,
                Warn: f.Overdue > 0))
            .ToList();

    private List<KanbanColumn> LaneColumns()
    {
        var unassigned = Visible.Count(c => DispatchView.LaneKeyOf(c, State.Value.Technicians) == DispatchView.UnassignedLane);
        var columns = new List<KanbanColumn>
        {
            new(DispatchView.UnassignedLane, L["WorkOrders.Unassigned"], unassigned, null, null, Foldable: false, Folded: false),
        };
        columns.AddRange(Lanes.Select(lane => new KanbanColumn(
            DispatchView.LaneOf(lane.Technician.UserName),
            lane.Technician.DisplayName,
            lane.Open,
            L["WorkOrders.Capacity", lane.Open, lane.Technician.DailyCapacity],
            lane.Technician.IsOffDuty ? L["WorkOrders.OffDuty"].Value : null,
            Foldable: false,
            Folded: false,
            TestId: DispatchView.LaneOf(lane.Technician.UserName),
            Warn: lane.AtCapacity)));
        return columns;
    }

    private void ChangeFilter(DispatchFilter filter)
    {
        var query = new Dictionary<string, object?>
        {
            ["type"] = filter.Type?.ToString(),
            ["priority"] = filter.Priority?.ToString(),
            ["technician"] = filter.TechnicianId,
            ["overdue"] = filter.OverdueOnly ? true : null,
        };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
    }

    /// <summary>What a card shows beyond its record: it re-renders only when this or the card changes.</summary>
    private object CardStamp(WorkOrderCard card) =>
        (SlaText.Of(L, card, _now), card.IsOverdue(_now), State.Value.Technicians, CanDispatch, State.Value.ByTechnician, State.Value.Pending.ContainsKey(card.Id), EditingBy(card.Id));

    private string? EditingBy(Guid cardId) =>
        State.Value.Presence.FirstOrDefault(p => p.EditingCardId == cardId && p.UserId != CurrentUser.Scope?.UserId.Value)?.DisplayName;

    private async Task OnDrop(KanbanMove<WorkOrderCard> move)
    {
        _ = Live.SetEditingAsync(null);
        if (!State.Value.ByTechnician)
        {
            await MoveAsync(move.Item, DispatchView.StatusOf(move.ToColumn));
            return;
        }

        var technician = State.Value.Technicians.FirstOrDefault(t => DispatchView.LaneOf(t.UserName) == move.ToColumn);
        if (technician is not null)
        {
            Assign(move.Item, technician.Id);
        }
    }

    private async Task NewWorkOrderAsync()
    {
        var dialog = await Dialogs.ShowAsync<NewWorkOrderDialog>(
            L["WorkOrders.New"], new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        if (await dialog.Result is { Canceled: false, Data: NewWorkOrder input })
        {
            Dispatch(new CreateWorkOrderAction(input));
        }
    }

    private long ExpectedVersion(WorkOrderCard card) =>
        State.Value.Pending.TryGetValue(card.Id, out var pending) ? pending.ExpectedVersion : card.Version;

    private void Assign(WorkOrderCard card, Guid technicianId)
    {
        _now = Clock.GetUtcNow();
        Dispatch(new AssignWorkOrderAction(card.Id, technicianId, ExpectedVersion(card)));
    }

    /// <summary>Cancelling asks for a reason and closing for the follow-up visit; the other moves go straight to the rules.</summary>
    private async Task MoveAsync(WorkOrderCard card, WorkOrderStatus target)
    {
        _now = Clock.GetUtcNow();
        WorkOrderDetails? details = null;
        if (target is WorkOrderStatus.Cancelled or WorkOrderStatus.Closed)
        {
            var parameters = new DialogParameters<WorkOrderStepDialog> { { d => d.Target, target }, { d => d.CustomerName, card.CustomerName } };
            var dialog = await Dialogs.ShowAsync<WorkOrderStepDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
            if (await dialog.Result is not { Canceled: false, Data: WorkOrderDetails given })
            {
                return;
            }

            details = given;
        }

        Dispatch(new MoveWorkOrderAction(card.Id, target, ExpectedVersion(card), details));
    }

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(ReactAsync);

    /// <summary>Shows what the state asks to show once: a notice, or the capacity confirmation.</summary>
    private async Task ReactAsync()
    {
        _now = Clock.GetUtcNow();
        if (State.Value.Notice is { } notice && notice.Id != _lastNotice)
        {
            _lastNotice = notice.Id;
            Snackbar.Add(notice.Message, notice.IsError ? Severity.Warning : Severity.Success, o => o.VisibleStateDuration = notice.IsError ? 8000 : 3000);
            Dispatch(new DispatchNoticeShownAction(notice.Id));
        }

        if (State.Value.AwaitingCapacity is { } request && !_capacityOpen)
        {
            _capacityOpen = true;
            try
            {
                await ConfirmCapacityAsync(request);
            }
            finally
            {
                _capacityOpen = false;
            }
        }
    }

    private async Task ConfirmCapacityAsync(CapacityRequest request)
    {
        var technician = State.Value.Technicians.FirstOrDefault(t => t.Id == request.TechnicianId)?.DisplayName ?? string.Empty;
        var parameters = new DialogParameters<CapacityDialog>
        {
            { d => d.TechnicianName, technician }, { d => d.Open, request.Open }, { d => d.Capacity, request.Capacity },
        };
        var dialog = await Dialogs.ShowAsync<CapacityDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false } && State.Value.Pending.TryGetValue(request.CardId, out var pending))
        {
            Dispatch(new AssignWorkOrderAction(request.CardId, request.TechnicianId, pending.ExpectedVersion, OverCapacityConfirmed: true));
        }
        else
        {
            Dispatch(new DeclineOverCapacityAction(L["WorkOrders.AssignCancelled", technician]));
        }
    }
}
