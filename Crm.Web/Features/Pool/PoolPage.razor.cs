using System.Globalization;
using Crm.Domain.Customers.Pool;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Pool;

/// <summary>The public pool by region, the signed-in user's own customers, and a manager's batch assignment. Thin: reads PoolState, dispatches.</summary>
public partial class PoolPage
{
    /// <summary>Within this many days the "back to pool" date shows as a warning.</summary>
    public const int SoonDays = 7;

    private HashSet<PoolRow> _selected = [];
    private HashSet<Guid> _reps = [];
    private int _lastNotice;

    [Inject]
    private IState<PoolState> State { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private PoolView? View => State.Value.View;

    /// <summary>The pool rows of the chosen region that match the search text.</summary>
    private List<PoolRow> Shown =>
        View is not { } view
            ? []
            : view.Pool
                .Where(r => State.Value.Region is not { } region || r.RegionId == region)
                .Where(r => Matches(r.Name) || Matches(r.Reason) || Matches(r.ShopName))
                .ToList();

    private List<OwnedRow> Mine =>
        View is not { } view
            ? []
            : view.Mine.Where(r => State.Value.Region is not { } region || r.RegionId == region).Where(r => Matches(r.Name)).ToList();

    protected override void OnInitialized()
    {
        base.OnInitialized();
        State.StateChanged += OnStateChanged;
        Dispatch(new LoadPoolAction());
    }

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= OnStateChanged;
        base.Dispose(disposing);
    }

    private void OnStateChanged(object? sender, EventArgs e) => _ = InvokeAsync(() =>
    {
        if (State.Value.Notice is { } notice && notice.Id != _lastNotice)
        {
            _lastNotice = notice.Id;
            Snackbar.Add(notice.Message, notice.IsError ? Severity.Warning : Severity.Success);
            Dispatch(new PoolNoticeShownAction(notice.Id));
        }
    });

    private async Task ClaimAsync(PoolRow row)
    {
        var reason = await AskAsync(L["Pool.ClaimTitle", row.Name], L["Pool.ClaimHint"], L["Pool.ClaimSubmit"], "claim");
        if (reason is not null)
        {
            Dispatch(new ClaimCustomerAction(row.Id, reason));
        }
    }

    private async Task ReleaseAsync(OwnedRow row)
    {
        var reason = await AskAsync(L["Pool.ReleaseTitle", row.Name], L["Pool.ReleaseHint"], L["Pool.ReleaseSubmit"], "release");
        if (reason is not null)
        {
            Dispatch(new ReleaseCustomerAction(row.Id, row.Version, reason));
        }
    }

    private async Task<string?> AskAsync(string title, string hint, string submit, string testId)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { d => d.Title, title },
            { d => d.Hint, hint },
            { d => d.SubmitText, submit },
            { d => d.TestId, testId },
            { d => d.MaxLength, testId == "claim" ? Domain.Approvals.ApprovalLimits.ReasonMaxLength : Domain.Customers.CustomerLimits.PoolReasonMaxLength },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(null, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private void Assign()
    {
        Dispatch(new AssignCustomersAction([.. _selected.Select(r => r.Id)], [.. _reps]));
        _selected = [];
    }

    private string RepNames(PoolView view) =>
        string.Join(", ", view.Reps.Where(r => _reps.Contains(r.Id)).Select(r => r.Name));

    private bool Matches(string? text) =>
        State.Value.Text.Length == 0 || (text?.Contains(State.Value.Text, StringComparison.CurrentCultureIgnoreCase) ?? false);

    private string RegionName(PoolView view, Guid? region) =>
        region is { } id ? view.Regions.FirstOrDefault(r => r.Id == id)?.Name ?? string.Empty : L["Pool.NoRegion"];

    private string Due(OwnedRow row) =>
        row.RecycleDueAt is { } due
            ? L["Pool.DueIn", Date(due), Math.Max(0, (int)Math.Ceiling((due - Clock.GetUtcNow()).TotalDays))]
            : string.Empty;

    private Color DueColor(OwnedRow row) =>
        row.RecycleDueAt is { } due && due - Clock.GetUtcNow() <= TimeSpan.FromDays(SoonDays) ? Color.Warning : Color.Default;

    private static string Date(DateTimeOffset? at) => at?.ToString("d", CultureInfo.CurrentCulture) ?? string.Empty;

    private static Color TierColor(CustomerTier tier) => tier switch
    {
        CustomerTier.A => Color.Primary,
        CustomerTier.B => Color.Info,
        CustomerTier.C => Color.Default,
        _ => Color.Dark,
    };
}
