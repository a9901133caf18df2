using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Support;

/// <summary>
/// Tells a test when the app's database work has committed, so it can wait for an effect's save instead of
/// sleeping. Fed by <see cref="ObservedContextFactory"/>, which wraps the app's real context factory.
/// </summary>
public sealed class SaveSignal
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _waiting = [];

    /// <summary>Completes at the first successful SaveChanges after this call.</summary>
    public Task NextSaveAsync()
    {
        var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Add(next);
        }

        return next.Task.WaitAsync(Timeout);
    }

    internal void Saved()
    {
        List<TaskCompletionSource> done;
        lock (_gate)
        {
            done = [.. _waiting];
            _waiting.Clear();
        }

        done.ForEach(d => d.TrySetResult());
    }
}

/// <summary>The app's context factory, with each context reporting its successful saves to a <see cref="SaveSignal"/>.</summary>
public sealed class ObservedContextFactory(IDbContextFactory<CrmDbContext> inner, SaveSignal signal) : IDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext()
    {
        var context = inner.CreateDbContext();
        context.SavedChanges += (_, _) => signal.Saved();
        return context;
    }
}
