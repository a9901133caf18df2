using Crm.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.State;

/// <summary>
/// A store over the test features only, built the way the app builds it (AddCrmStore, one scope per circuit).
/// </summary>
public sealed class StoreHarness : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public StoreHarness()
    {
        var services = new ServiceCollection();
        services.AddCrmStore(typeof(StoreHarness).Assembly);
        services.AddScoped<EffectProbe>();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
        Store = _scope.ServiceProvider.GetRequiredService<Store>();
    }

    public Store Store { get; }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IState<CounterState> Counter => Store.GetState<CounterState>();

    public IState<FlagState> Flag => Store.GetState<FlagState>();

    public IServiceScope NewCircuit() => _provider.CreateScope();

    /// <summary>Completes when the feature's value satisfies <paramref name="condition"/> (now or after a later change).</summary>
    public static Task<TState> WhenAsync<TState>(IState<TState> state, Func<TState, bool> condition)
    {
        var done = new TaskCompletionSource<TState>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            var value = state.Value;
            if (condition(value))
            {
                done.TrySetResult(value);
            }
        }

        state.StateChanged += Check;
        Check(null, EventArgs.Empty);
        _ = done.Task.ContinueWith(_ => state.StateChanged -= Check, TaskScheduler.Default);
        return done.Task.WaitAsync(Timeout);
    }

    /// <summary>Completes with the first <paramref name="count"/> exceptions the store reports.</summary>
    public Task<IReadOnlyList<Exception>> NextUnhandledExceptionsAsync(int count = 1)
    {
        var seen = new List<Exception>();
        var done = new TaskCompletionSource<IReadOnlyList<Exception>>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnException(object? sender, Exception exception)
        {
            lock (seen)
            {
                seen.Add(exception);
                if (seen.Count == count)
                {
                    done.TrySetResult([.. seen]);
                }
            }
        }

        Store.UnhandledException += OnException;
        _ = done.Task.ContinueWith(_ => Store.UnhandledException -= OnException, TaskScheduler.Default);
        return done.Task.WaitAsync(Timeout);
    }

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }
}
