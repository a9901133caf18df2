using Crm.Domain.Approvals;
using Crm.Infrastructure.Realtime;
using Crm.Web.Components.Kanban;
using Crm.Web.Features.Shell;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Approvals;

/// <summary>The live approvals board. Thin: reads ApprovalsState, dispatches actions, keeps filters in the URL, asks for the comment.</summary>
public partial class ApprovalsPage
{
    private DateTimeOffset _now;
    private bool _dialogOpen;
    private (Guid CardId, IDialogReference Dialog)? _openDialog;
    private int _lastNotice;

    [Inject]
    private IState<ApprovalsState> State { get; set; } = default!;

    [Inject]
    private IState<ShellState> Shell { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ApprovalsLive Live { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "kind")]
    public string? KindFilter { get; set; }

    [SupplyParameterFromQuery(Name = "status")]
    public string? StatusFilter { get; set; }

    private bool CanDecide => CurrentUser.Scope is { } scope && ApprovalCommands.CanDecide(scope);

    private IReadOnlyList<ApprovalCard> Visible => ApprovalsView.Visible(State.Value, Shell.Value.SelectedShopId?.Value);

    private IReadOnlyList<ApprovalCard> Rendered => ApprovalsView.Rendered(Visible);

    private IReadOnlyList<KanbanColumn> Columns =>
        ApprovalsView.Columns(Visible)
            .Select(c => new KanbanColumn(ApprovalsView.KeyOf(c.Status), L[$"ApprovalStatus.{c.Status}"], c.Count, null, null, false, false, c.Hidden))
            .ToList();

    private string EmptyText => !State.Value.Filter.IsEmpty ? L["Approvals.EmptyFiltered"] : CanDecide ? L["Approvals.EmptyApprover"] : L["Approvals.Empty"];

    /// <summary>An approver may decide a pending request that is not their own and not already on its way.</summary>
    private bool CanDecideCard(ApprovalCard card) =>
        CanDecide && card.Status == ApprovalStatus.Pending && card.RequesterId != CurrentUser.Scope?.UserId.Value && !State.Value.Pending.ContainsKey(card.Id);

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _now = Clock.GetUtcNow();
        State.StateChanged += OnStateChanged;
        Dispatch(new LoadApprovalsAction());
    }

    protected override void OnParametersSet() =>
        Dispatch(new SetApprovalsFilterAction(new ApprovalsFilter(
            Enum.TryParse<ApprovalKind>(KindFilter, out var kind) ? kind : null,
            Enum.TryParse<ApprovalStatus>(StatusFilter, out var status) ? status : null)));

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= OnStateChanged;
        _ = Live.StopAsync();
        base.Dispose(disposing);
    }

    /// <summary>What a card shows beyond its record: it re-renders only when this or the card changes.</summary>
    private object CardStamp(ApprovalCard card) =>
        (ApprovalsView.Age(card.CreatedAt, _now), CanDecideCard(card), State.Value.Pending.ContainsKey(card.Id), EditingBy(card.Id));

    private string? EditingBy(Guid cardId) =>
        State.Value.Presence.FirstOrDefault(p => p.EditingCardId == cardId && p.UserId != CurrentUser.Scope?.UserId.Value)?.DisplayName;

    private string PresenceText(PresenceEntry present) =>
        present.EditingCardId is { } card && State.Value.Cards.TryGetValue(card, out var c)
            ? L["Approvals.PresenceDeciding", present.DisplayName, c.SubjectTitle]
            : present.DisplayName;

    private void ChangeFilter(ApprovalsFilter filter)
    {
        var query = new Dictionary<string, object?> { ["kind"] = filter.Kind?.ToString(), ["status"] = filter.Status?.ToString() };
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(query), replace: true);
    }

    /// <summary>Pending → Approved or Rejected asks for the comment; nothing else moves (decided cards cannot be dragged).</summary>
    private void OnDrop(KanbanMove<ApprovalCard> move)
    {
        var target = ApprovalsView.StatusOf(move.ToColumn);
        if (target == ApprovalStatus.Pending)
        {
            _ = Live.SetEditingAsync(null);
            return;
        }

        Dispatch(new AskDecisionAction(move.Item.Id, target == ApprovalStatus.Approved ? ApprovalDecision.Approve : ApprovalDecision.Reject));
    }

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(ReactAsync);

    /// <summary>Shows what the state asks to show once: a notice, or the comment dialog of a decision.</summary>
    private async Task ReactAsync()
    {
        _now = Clock.GetUtcNow();
        if (State.Value.Notice is { } notice && notice.Id != _lastNotice)
        {
            _lastNotice = notice.Id;
            Snackbar.Add(notice.Message, notice.IsError ? Severity.Warning : Severity.Info, o => o.VisibleStateDuration = 8000);
            Dispatch(new ApprovalsNoticeShownAction(notice.Id));
        }

        CloseDialogIfDecidedMeanwhile();
        if (State.Value.AwaitingDecision is { } request && !_dialogOpen && State.Value.Cards.TryGetValue(request.CardId, out var card))
        {
            _dialogOpen = true;
            try
            {
                await AskForCommentAsync(card, request.Decision);
            }
            finally
            {
                _dialogOpen = false;
            }
        }
    }

    /// <summary>Someone else decided the request whose comment the user is writing: the dialog closes and says who.</summary>
    private void CloseDialogIfDecidedMeanwhile()
    {
        if (_openDialog is not { } open
            || !State.Value.Cards.TryGetValue(open.CardId, out var card)
            || card.Status == ApprovalStatus.Pending
            || State.Value.Pending.ContainsKey(card.Id))
        {
            return;
        }

        _openDialog = null;
        open.Dialog.Close(DialogResult.Cancel());
        var message = card.IsAutomatic
            ? L["Approvals.RejectedAutomaticallyMeanwhile", card.Comment ?? string.Empty]
            : L["Approvals.DecidedMeanwhile", card.DeciderName ?? L["Pipeline.SomeoneElse"], L[$"ApprovalStatus.{card.Status}"]];
        Snackbar.Add(message, Severity.Warning, o => o.VisibleStateDuration = 8000);
    }

    private async Task AskForCommentAsync(ApprovalCard card, ApprovalDecision decision)
    {
        await Live.SetEditingAsync(card.Id);
        var parameters = new DialogParameters<DecisionDialog> { { d => d.Card, card }, { d => d.Decision, decision } };
        var dialog = await Dialogs.ShowAsync<DecisionDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        _openDialog = (card.Id, dialog);
        var result = await dialog.Result;
        _openDialog = null;
        await Live.SetEditingAsync(null);
        if (result is { Canceled: false })
        {
            Dispatch(new DecideApprovalAction(card.Id, decision, result.Data as string, card.Version));
        }
        else
        {
            Dispatch(new CancelDecisionAction());
        }
    }
}
