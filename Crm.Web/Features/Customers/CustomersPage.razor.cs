using Crm.Domain.Customers.Pool;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Customers;

/// <summary>
/// The customer list: one page at a time from the server (<see cref="CustomerList"/>), filtered by the
/// store's <see cref="CustomerFilter"/>, reloaded whenever a change was saved.
/// </summary>
public partial class CustomersPage
{
    internal const string PoolValue = "pool";

    private MudTable<CustomerRow>? _table;
    private int _shownVersion;

    [Inject]
    private IState<CustomersState> State { get; set; } = default!;

    [Inject]
    private CustomerList List { get; set; } = default!;

    [Inject]
    private IDialogService DialogService { get; set; } = default!;

    private CustomerFilter Filter => State.Value.Filter;

    private CustomerOptions? Options => State.Value.Options;

    private string? OwnerValue => Filter.InPool ? PoolValue : Filter.OwnerId?.ToString();

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _shownVersion = State.Value.ListVersion;
        Dispatch(new LoadCustomerChoicesAction());
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (State.Value.ListVersion != _shownVersion && _table is not null)
        {
            _shownVersion = State.Value.ListVersion;
            await _table.ReloadServerData();
        }
    }

    private async Task<TableData<CustomerRow>> LoadPageAsync(TableState table, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<CustomerSort>(table.SortLabel, out var s) ? s : CustomerSort.Name;
        var query = new CustomerQuery(Filter, table.Page, table.PageSize, sort, table.SortDirection == SortDirection.Descending);
        var page = await List.QueryAsync(query, cancellationToken);
        return new TableData<CustomerRow> { Items = page.Rows, TotalItems = page.Total };
    }

    private Task ChangeFilterAsync(CustomerFilter filter)
    {
        Dispatch(new SetCustomerFilterAction(filter));

        // The store reduces before Dispatch returns on the renderer's thread, so the reload sees the new filter.
        return _table?.ReloadServerData() ?? Task.CompletedTask;
    }

    private Task ChangeOwnerAsync(string? value) => ChangeFilterAsync(Filter with
    {
        InPool = value == PoolValue,
        OwnerId = Guid.TryParse(value, out var owner) ? owner : null,
    });

    private Task<IDialogReference> CreateAsync()
    {
        Dispatch(new ClearCustomerErrorAction());
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        return DialogService.ShowAsync<CustomerDialog>(L["Customers.New"], new DialogParameters<CustomerDialog>(), options);
    }

    private Task<IDialogReference> FollowUpAsync(CustomerRow row)
    {
        Dispatch(new ClearCustomerErrorAction());
        var parameters = new DialogParameters<CustomerFollowUpDialog>
        {
            { d => d.CustomerId, row.Id },
            { d => d.Contacts, row.Contacts },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        return DialogService.ShowAsync<CustomerFollowUpDialog>(L["Customers.FollowUpTitle", row.Name], parameters, options);
    }

    private Task<IDialogReference> HandOverAsync()
    {
        Dispatch(new ClearCustomerErrorAction());
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        return DialogService.ShowAsync<HandOverDialog>(L["Customers.HandOver"], new DialogParameters<HandOverDialog>(), options);
    }

    internal static Color TierColor(CustomerTier tier) => tier switch
    {
        CustomerTier.A => Color.Success,
        CustomerTier.B => Color.Info,
        CustomerTier.C => Color.Default,
        CustomerTier.D => Color.Warning,
        _ => Color.Error,
    };

    internal static DateTime? ToDate(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    internal static DateOnly? ToDateOnly(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
