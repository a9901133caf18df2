using Crm.Web.Features.Notifications;
using Crm.Web.Features.Shell;
using Crm.Web.Identity;
using Crm.Web.Resources;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Crm.Web.Components.Layout;

public partial class MainLayout
{
    [Inject]
    private IState<ShellState> Shell { get; set; } = default!;

    [Inject]
    private IDispatcher Dispatcher { get; set; } = default!;

    [Inject]
    private Store Store { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    protected override void OnInitialized()
    {
        Shell.StateChanged += OnShellChanged;
        Store.UnhandledException += OnUnhandledException;
        if (RendererInfo.IsInteractive && CurrentUser.IsAuthenticated)
        {
            Dispatcher.Dispatch(new LoadShopsAction());
            Dispatcher.Dispatch(new LoadNotificationsAction());
        }
    }

    public void Dispose()
    {
        Shell.StateChanged -= OnShellChanged;
        Store.UnhandledException -= OnUnhandledException;
        GC.SuppressFinalize(this);
    }

    private void OnShellChanged(object? sender, EventArgs e) => _ = InvokeAsync(StateHasChanged);

    // An effect failed unexpectedly: tell the user, in words, instead of failing silently.
    private void OnUnhandledException(object? sender, Exception exception) =>
        _ = InvokeAsync(() => Snackbar.Add(Localizer["Shell.UnexpectedError", exception.Message], Severity.Error));
}
