using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Crm.Web.State;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Crm.Web.Tests.Support;

/// <summary>
/// bUnit context for Crm's components: MudBlazor with loose JS interop, the real store over the production
/// slices, real commands over a real SQLite file (demo data), the shared resources (English unless a test
/// says otherwise), and bUnit's authorization; <see cref="SignIn"/> signs a demo user in.
/// Services are all registered first; SetRendererInfo comes last (after it, adding services throws).
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    protected ComponentTestBase()
    {
        UseCulture("en");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Clock);
        TestDatabase.AddCrmData(Services, Database.Configuration);
        Services.AddScoped<IDbContextFactory<CrmDbContext>>(sp => new ObservedContextFactory(
            new CrmDbContextFactory(sp.GetRequiredService<DatabaseModel>(), sp.GetRequiredService<ICurrentTenant>()), Saves));
        Services.AddCrmStore(typeof(CrmServices).Assembly);
        TestComposition.AddUseCases(Services);
        TestComposition.AddLiveBoards(Services);
        TestComposition.AddLiveLinks(Services);
        Auth = AddAuthorization();

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected TestDatabase Database { get; } = new();

    /// <summary>Completes when the app's next database save has committed.</summary>
    protected SaveSignal Saves { get; } = new();

    protected FakeTimeProvider Clock { get; } = new(Samples.Now);

    protected BunitAuthorizationContext Auth { get; }

    protected Store Store => Services.GetRequiredService<Store>();

    protected CurrentUser CurrentUser => Services.GetRequiredService<CurrentUser>();

    public virtual Task InitializeAsync() => Database.CreateAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Database.Dispose();
    }

    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    /// <summary>Signs the demo user in, both for the app (<see cref="CurrentUser"/>) and for AuthorizeView.</summary>
    protected void SignIn(DemoUser user)
    {
        var principal = user.ToPrincipal();
        CurrentUser.Set(principal);
        Auth.SetAuthorized(user.Email);
        Auth.SetRoles(user.Role);
        Auth.SetClaims([.. principal.Claims]);
    }

    /// <summary>Dispatches on the renderer, as an event handler or a circuit's feed subscription does.</summary>
    protected Task DispatchOnRendererAsync(object action) => Renderer.Dispatcher.InvokeAsync(() => Store.Dispatch(action));

    /// <summary>Finds and clicks in one step on the renderer, so no re-render can swap the element in between.</summary>
    protected Task ClickAsync<TComponent>(IRenderedComponent<TComponent> rendered, string selector)
        where TComponent : IComponent =>
        Renderer.Dispatcher.InvokeAsync(() => rendered.Find(selector).Click());

    /// <summary>
    /// Completes when everything queued on the renderer before this call has run: a re-render that a state
    /// change asked for (StoreComponent marshals it with InvokeAsync) has happened by then, or never will.
    /// </summary>
    protected Task RendererIdleAsync() => Renderer.Dispatcher.InvokeAsync(() => { });

    /// <summary>Renders the component inside <see cref="WithPopovers"/>; menu, select and dialog content renders there, so find it in the host.</summary>
    protected IRenderedComponent<WithPopovers> RenderWithPopovers<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent =>
        Render<WithPopovers>(host => host.AddChildContent(parameters ?? (_ => { })));
}
