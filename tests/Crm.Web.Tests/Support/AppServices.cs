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

/// <summary>An <see cref="IDispatcher"/> that only records what an effect (or a live link) dispatched, in order.</summary>
public sealed class RecordingDispatcher : IDispatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ConcurrentQueue<object> _actions = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<object, bool> Matches, TaskCompletionSource<object> Done)> _waiting = [];

    public IReadOnlyList<object> Actions => [.. _actions];

    public void Dispatch(object action)
    {
        List<TaskCompletionSource<object>> done;
        lock (_gate)
        {
            _actions.Enqueue(action);
            done = _waiting.Where(w => w.Matches(action)).Select(w => w.Done).ToList();
            _waiting.RemoveAll(w => done.Contains(w.Done));
        }

        done.ForEach(d => d.TrySetResult(action));
    }

    /// <summary>
    /// Completes with the first <typeparamref name="TAction"/> (matching <paramref name="matches"/>) dispatched so far or from now on:
    /// for what a background link (the board feed) dispatches.
    /// </summary>
    public async Task<TAction> WaitForAsync<TAction>(Func<TAction, bool>? matches = null)
    {
        bool Matches(object action) => action is TAction typed && (matches?.Invoke(typed) ?? true);
        var next = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_actions.FirstOrDefault(Matches) is { } already)
            {
                return (TAction)already;
            }

            _waiting.Add((Matches, next));
        }

        return (TAction)await next.Task.WaitAsync(Timeout);
    }
}
