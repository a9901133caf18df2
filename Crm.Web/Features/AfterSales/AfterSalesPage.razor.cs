using System.Collections.Immutable;
using System.Globalization;
using Crm.Domain.AfterSales;
using Crm.Domain.Organization;
using Crm.Web.Features.Shell;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.AfterSales;

/// <summary>After-sales requests: the filtered list, the create dialog and the history drawer. Thin: reads AfterSalesState, dispatches.</summary>
public partial class AfterSalesPage
{
    public const string AllowedRoles = $"{Roles.Admin},{Roles.Manager},{Roles.SalesRep},{Roles.Dispatcher},{Roles.Finance}";

    private int _lastNotice;

    [Inject]
    private IState<AfterSalesState> State { get; set; } = default!;

    [Inject]
    private IState<ShellState> Shell { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private ImmutableList<AfterSalesRow> Shown => AfterSalesView.Visible(State.Value, Shell.Value.SelectedShopId?.Value, Clock.GetUtcNow());

    protected override void OnInitialized()
    {
        base.OnInitialized();
        State.StateChanged += OnStateChanged;
        Dispatch(new LoadAfterSalesAction());
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
            Dispatch(new AfterSalesNoticeShownAction(notice.Id));
        }
    });

    private void SetFilter(AfterSalesFilter filter) => Dispatch(new SetAfterSalesFilterAction(filter));

    private void Open(AfterSalesRow row) => Dispatch(new OpenAfterSalesAction(row.Id));

    private Task<IDialogReference> NewAsync()
    {
        Dispatch(new ClearAfterSalesErrorAction());
        return Dialogs.ShowAsync<AfterSalesDialog>(
            L["AfterSales.New"], new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
    }

    internal static string Money(decimal amount, string currency) =>
        currency == Domain.Common.Money.DefaultCurrency
            ? "¥" + amount.ToString("N2", CultureInfo.CurrentCulture)
            : $"{amount.ToString("N2", CultureInfo.CurrentCulture)} {currency}";

    internal static Color StatusColor(AfterSalesStatus status) => status switch
    {
        AfterSalesStatus.Approved => Color.Success,
        AfterSalesStatus.Rejected => Color.Error,
        _ => Color.Warning,
    };
}
