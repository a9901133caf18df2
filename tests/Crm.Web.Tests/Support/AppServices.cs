using System.Collections.Concurrent;
using Crm.Web.Identity;
using Crm.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Web.Tests.Support;

/// <summary>
/// The app's use cases over a real SQLite copy of the demo data, for one signed-in user (or none): what an
/// effect gets from DI in a circuit, without a renderer.
/// </summary>
public sealed class AppServices : IAsyncLifetime
{
    private ServiceProvider? _root;
    private AsyncServiceScope _circuit;

    public TestDatabase Database { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Samples.Now);

    public IServiceProvider Services => _circuit.ServiceProvider;

    public async Task InitializeAsync()
    {
        await Database.CreateAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<TimeProvider>(Clock);
        TestDatabase.AddCrmData(services, Database.Configuration);
        TestComposition.AddUseCases(services);
        TestComposition.AddLiveBoards(services);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        _circuit = _root.CreateAsyncScope();
    }

    public void SignIn(DemoUser user) => Services.GetRequiredService<CurrentUser>().Set(user.ToPrincipal());

    /// <summary>Another circuit over the same database and live engine, for another user (someone else changing things meanwhile).</summary>
    public AsyncServiceScope OpenCircuit(DemoUser user)
    {
        var circuit = _root!.CreateAsyncScope();
        circuit.ServiceProvider.GetRequiredService<CurrentUser>().Set(user.ToPrincipal());
        return circuit;
    }

    public void SignOut() => Services.GetRequiredService<CurrentUser>().Set(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()));

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await _circuit.DisposeAsync();
        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        Database.Dispose();
    }
}

/// <summary>An <see cref="IDispatcher"/> that only records what an effect dispatched, in order.</summary>
public sealed class RecordingDispatcher : IDispatcher
{
    private readonly ConcurrentQueue<object> _actions = new();

    public IReadOnlyList<object> Actions => [.. _actions];

    public void Dispatch(object action) => _actions.Enqueue(action);
}
