using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// Group commit for SQLite's single writer: the board saves that wait for the write turn are written together, each in a
/// savepoint of one transaction, and committed once. Each save keeps its own outcome: one that fails (a stale Version,
/// a constraint) is rolled back to its savepoint and gets its own exception while the others commit; a failure of the
/// transaction itself (the commit) goes to every save that was in it, and nothing of them is written. Sequence numbers
/// are taken inside the savepoints, so they stay gap-free and in commit order; events are published after the commit,
/// in that order, before the saves return.
/// </summary>
internal sealed class SqliteWriteQueue(DatabaseModel database)
{
    /// <summary>At most this many saves share one transaction, so one commit never waits on an unbounded batch.</summary>
    internal const int MaxBatch = 64;

    private const string Savepoint = "crm_save";

    private readonly Lock _gate = new();
    private readonly List<Job> _waiting = [];
    private bool _running;

    /// <summary>Saves waiting for their batch (tests).</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>Queues the board save of <paramref name="db"/>; completes after its batch committed (and published) or failed.</summary>
    public Task<int> WriteAsync(CrmDbContext db, IReadOnlyList<(string Board, Realtime.BoardCard Card)> projected, CancellationToken cancellationToken)
    {
        var job = new Job(db, projected, cancellationToken);
        lock (_gate)
        {
            _waiting.Add(job);
            if (!_running)
            {
                _running = true;
                _ = Task.Run(RunAsync, CancellationToken.None);
            }
        }

        return job.Done.Task;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<Job> batch;
            var turn = await database.EnterWriteAsync(CancellationToken.None);
            try
            {
                // Taken after the turn: whoever arrived while the previous batch or another writer held it joins this batch.
                lock (_gate)
                {
                    if (_waiting.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    batch = _waiting.GetRange(0, Math.Min(MaxBatch, _waiting.Count));
                    _waiting.RemoveRange(0, batch.Count);
                }

                await WriteBatchAsync(batch);
            }
            finally
            {
                turn?.Dispose();
            }

            var committed = batch.Where(j => j.Written is not null).ToList();
            if (committed.Count > 0 && database.Outbox is { } outbox)
            {
                await outbox.PublishCommittedAsync(database, [.. committed.SelectMany(j => j.Written!.Value.Events)], CancellationToken.None);
            }

            committed.ForEach(j => j.Done.TrySetResult(j.Written!.Value.Count));
        }
    }

    private async Task WriteBatchAsync(List<Job> batch)
    {
        var open = new List<Job>(batch);
        try
        {
            await using var writer = database.CreateSystem();
            await writer.Database.OpenConnectionAsync();
            await using var transaction = await writer.Database.BeginTransactionAsync();
            var connection = writer.Database.GetDbConnection();
            var connectionString = connection.ConnectionString;
            var dbTransaction = transaction.GetDbTransaction();
            foreach (var job in batch)
            {
                if (job.CancellationToken.IsCancellationRequested)
                {
                    Fail(job, new OperationCanceledException(job.CancellationToken), open);
                    continue;
                }

                Exception? refused = null;
                await dbTransaction.SaveAsync(Savepoint);
                try
                {
                    job.Written = await job.Db.WriteInBatchAsync(connection, dbTransaction, job.Projected, job.CancellationToken);
                    await dbTransaction.ReleaseAsync(Savepoint);
                }
                catch (Exception exception)
                {
                    // This save alone: undo its writes (and its sequence numbers), then go on with the others.
                    job.Written = null;
                    refused = exception;
                    await dbTransaction.RollbackAsync(Savepoint);
                    await dbTransaction.ReleaseAsync(Savepoint);
                }
                finally
                {
                    job.Db.LeaveBatch(new SqliteConnection(connectionString));
                }

                if (refused is not null)
                {
                    // Told only once its context is its own again.
                    Fail(job, refused, open);
                }
            }

            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // The transaction failed as a whole: nothing of the saves still open was written; each of them is told.
            foreach (var job in open.ToList())
            {
                job.Written = null;
                Fail(job, exception, open);
            }
        }
    }

    private static void Fail(Job job, Exception exception, List<Job> open)
    {
        open.Remove(job);
        job.Done.TrySetException(exception);
    }

    private sealed class Job(CrmDbContext db, IReadOnlyList<(string Board, Realtime.BoardCard Card)> projected, CancellationToken cancellationToken)
    {
        public CrmDbContext Db { get; } = db;

        public IReadOnlyList<(string Board, Realtime.BoardCard Card)> Projected { get; } = projected;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (int Count, IReadOnlyList<(long OutboxId, Realtime.BoardEvent Event)> Events)? Written { get; set; }
    }
}
