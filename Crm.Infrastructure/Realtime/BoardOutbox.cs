using System.Text.Json;
using Crm.Domain.Common;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// The write half of the live engine: turns aggregates with domain events into board events,
/// numbered per tenant and board inside the save's transaction, stored as outbox rows; and after
/// commit publishes them and marks them sent.
/// </summary>
public sealed class BoardOutbox(
    IEnumerable<IBoardProjector> projectors, IBoardFeed feed, TimeProvider clock, ILogger<BoardOutbox> logger, IEnumerable<ISaveReaction>? reactions = null)
{
    private readonly IReadOnlyList<IBoardProjector> _projectors = projectors.ToList();
    private readonly List<ISaveReaction> _reactions = reactions?.ToList() ?? [];

    public bool Handles(object entity) => _projectors.Any(p => p.Handles(entity));

    /// <summary>Lets every reaction add what follows from the aggregates that have domain events, before the save numbers anything.</summary>
    internal async Task ReactAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        if (_reactions.Count == 0)
        {
            return;
        }

        var changed = db.ChangeTracker.Entries().Select(e => e.Entity).OfType<IHasDomainEvents>().Where(e => e.DomainEvents.Count > 0).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var reaction in _reactions)
        {
            await reaction.ReactAsync(db, changed, cancellationToken);
        }
    }

    /// <summary>
    /// Projects the changed aggregates onto their boards' cards. It only reads (names for the cards), so the save
    /// runs it before it waits for SQLite's single write turn: the turn then holds only the numbering and the writes.
    /// </summary>
    internal async Task<IReadOnlyList<(string Board, BoardCard Card)>> ProjectAsync(
        CrmDbContext db, IReadOnlyList<IHasDomainEvents> changed, CancellationToken cancellationToken)
    {
        var projected = new List<(string Board, BoardCard Card)>();
        foreach (var aggregate in changed)
        {
            foreach (var projector in _projectors.Where(p => p.Handles(aggregate)))
            {
                if (await projector.ProjectAsync(db, aggregate, aggregate.DomainEvents, cancellationToken) is { } card)
                {
                    projected.Add((projector.Board, card));
                }
            }
        }

        return projected;
    }

    /// <summary>Numbers the projected cards and adds their outbox rows; the caller's single SaveChanges writes them with the change.</summary>
    internal async Task<IReadOnlyList<(OutboxMessage Row, BoardEvent Event)>> AppendAsync(
        CrmDbContext db, IReadOnlyList<(string Board, BoardCard Card)> projected, ICurrentActor? actor, CancellationToken cancellationToken)
    {
        var pending = new List<(OutboxMessage Row, BoardEvent Event)>();
        var now = clock.GetUtcNow();
        foreach (var (board, card) in projected)
        {
            var tenantId = db.CurrentTenantId.Value;
            var sequence = await NextSequenceAsync(db, tenantId, board, cancellationToken);
            var boardEvent = new BoardEvent(
                tenantId, board, sequence, card.Kind, card.CardId, card.Version, card.ShopId, card.OwnerId, card.CardJson,
                actor?.ActorId, actor?.ActorName, card.Summary, card.OccurredAt, now);
            var row = new OutboxMessage
            {
                TenantId = tenantId,
                Board = board,
                Sequence = sequence,
                CardId = card.CardId,
                Payload = JsonSerializer.Serialize(boardEvent),
                CreatedAt = now,
            };
            db.Set<OutboxMessage>().Add(row);
            pending.Add((row, boardEvent));
        }

        return pending;
    }

    /// <summary>
    /// The card a save of this context just projected for <paramref name="cardId"/> on <paramref name="board"/>
    /// (null if it wrote none): a command returns it instead of reading the card back.
    /// </summary>
    public static string? SavedCardJson(CrmDbContext db, string board, Guid cardId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = db.Set<OutboxMessage>().Local.Where(r => r.Board == board && r.CardId == cardId).MaxBy(r => r.Sequence);
        return row is null ? null : JsonSerializer.Deserialize<BoardEvent>(row.Payload)?.CardJson;
    }

    /// <summary>Publishes committed events, then marks them sent. A crash in between leaves them to the sweep.</summary>
    internal async Task PublishCommittedAsync(DatabaseModel database, IReadOnlyList<(long OutboxId, BoardEvent Event)> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return;
        }

        try
        {
            var committedAt = clock.GetUtcNow();
            foreach (var (_, boardEvent) in events)
            {
                await feed.PublishAsync(boardEvent with { CommittedAt = committedAt }, cancellationToken);
            }

            QueueMarkPublished(database, events.Select(e => e.OutboxId));
        }
        catch (Exception exception)
        {
            // The change is committed; the sweep will publish what is left. The user's save succeeded.
            logger.LogWarning(exception, "Publishing {Count} board events failed; the outbox sweep will retry.", events.Count);
        }
    }

    private readonly Lock _marksGate = new();
    private readonly List<long> _pendingMarks = [];
    private DatabaseModel? _marksDatabase;
    private Task _marking = Task.CompletedTask;
    private bool _draining;

    /// <summary>
    /// Marking rows sent is bookkeeping for the sweep, so it leaves the writer's path: ids queue up and
    /// one background write marks them in batches. A crash before that only makes the sweep send an
    /// event twice, which subscribers drop (they ignore sequences they have).
    /// </summary>
    private void QueueMarkPublished(DatabaseModel database, IEnumerable<long> ids)
    {
        lock (_marksGate)
        {
            _pendingMarks.AddRange(ids);
            _marksDatabase = database;
            // Not _marking.IsCompleted: a drain that has just found the queue empty has not completed yet,
            // and ids queued in that moment would wait for the next save (the sweep would send them again).
            if (!_draining)
            {
                _draining = true;
                _marking = Task.Run(DrainMarksAsync);
            }
        }
    }

    /// <summary>Waits until every queued mark is written (tests, shutdown).</summary>
    public Task FlushAsync()
    {
        lock (_marksGate)
        {
            return _marking;
        }
    }

    private async Task DrainMarksAsync()
    {
        while (true)
        {
            List<long> batch;
            DatabaseModel database;
            lock (_marksGate)
            {
                if (_pendingMarks.Count == 0 || _marksDatabase is null)
                {
                    _draining = false;
                    return;
                }

                batch = [.. _pendingMarks];
                _pendingMarks.Clear();
                database = _marksDatabase;
            }

            try
            {
                foreach (var chunk in batch.Chunk(500))
                {
                    await MarkPublishedAsync(database, [.. chunk], CancellationToken.None);
                }
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Marking {Count} board events sent failed; the sweep will send them again.", batch.Count);
            }
        }
    }

    /// <summary>Re-publishes what a crash or a failed publish left unsent, oldest first. Returns how many.</summary>
    public async Task<int> SweepAsync(DatabaseModel database, TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        List<OutboxMessage> unsent;
        var cutoff = clock.GetUtcNow() - olderThan;
        await using (var db = database.CreateSystem())
        {
            unsent = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.PublishedAt == null && m.CreatedAt <= cutoff)
                .OrderBy(m => m.Id)
                .Take(500)
                .ToListAsync(cancellationToken);
        }

        foreach (var message in unsent)
        {
            var boardEvent = JsonSerializer.Deserialize<BoardEvent>(message.Payload)!;
            await feed.PublishAsync(boardEvent, cancellationToken);
        }

        await MarkPublishedAsync(database, unsent.Select(m => m.Id).ToList(), cancellationToken);
        return unsent.Count;
    }

    private async Task MarkPublishedAsync(DatabaseModel database, List<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using var db = database.CreateSystem();
        using var gate = await database.EnterWriteAsync(cancellationToken);
        await db.Set<OutboxMessage>().Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.PublishedAt, now), cancellationToken);
    }

    /// <summary>The latest event of a card on a board (who changed it last, and how), or null when it has none.</summary>
    public static async Task<BoardEvent?> LastEventAsync(CrmDbContext db, string board, Guid cardId, CancellationToken cancellationToken)
    {
        var payload = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.CardId == cardId && m.Board == board)
            .OrderByDescending(m => m.Sequence)
            .Select(m => m.Payload)
            .FirstOrDefaultAsync(cancellationToken);
        return payload is null ? null : JsonSerializer.Deserialize<BoardEvent>(payload);
    }

    /// <summary>One atomic upsert: strictly increasing per key, under any number of writers or instances.</summary>
    private static async Task<long> NextSequenceAsync(CrmDbContext db, Guid tenantId, string board, CancellationToken cancellationToken)
    {
        var key = BoardSequence.KeyOf(tenantId, board);
        var values = await db.Database.SqlQuery<long>(
            $"""INSERT INTO "BoardSequences" ("Key", "Last") VALUES ({key}, 1) ON CONFLICT ("Key") DO UPDATE SET "Last" = "BoardSequences"."Last" + 1 RETURNING "Last" AS "Value" """)
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
