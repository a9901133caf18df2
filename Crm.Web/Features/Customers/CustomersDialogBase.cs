using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Crm.Web.Features.Customers;

/// <summary>A dialog of the customers slice: it shows the slice's save error and closes itself once its save went through.</summary>
public abstract class CustomersDialogBase : StoreComponent
{
    private int _savedCountAtStart;

    [CascadingParameter]
    protected IMudDialogInstance Dialog { get; set; } = default!;

    [Inject]
    protected IState<CustomersState> State { get; set; } = default!;

    protected override void OnInitialized()
    {
        base.OnInitialized();
        _savedCountAtStart = State.Value.SavedCount;
        State.StateChanged += CloseWhenSaved;
    }

    protected override void Dispose(bool disposing)
    {
        State.StateChanged -= CloseWhenSaved;
        base.Dispose(disposing);
    }

    /// <summary>Whether to close when a save went through (a dialog that shows a result stays open).</summary>
    protected virtual bool ClosesWhenSaved => true;

    protected void Cancel() => Dialog.Cancel();

    private void CloseWhenSaved(object? sender, EventArgs e)
    {
        if (ClosesWhenSaved && State.Value.SavedCount > _savedCountAtStart)
        {
            _ = InvokeAsync(() => Dialog.Close(DialogResult.Ok(true)));
        }
    }
}
