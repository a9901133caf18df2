using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// SQLite's group commit (<see cref="SqliteWriteQueue"/>): moves that wait for the write turn are saved in one transaction,
/// each with its own outcome. The tests hold the write turn while the moves queue up, so they land in one batch.
/// </summary>
public sealed class GroupCommitTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly TenantId Demo = DemoIds.DemoTenant;

    [SqliteFact]
    public async Task WhenMovesWaitForTheWriteTurn_TheyAllCommitTogetherWithGapFreeSequencesInOrder()
    {
        var cards = await database.OpportunitiesInAsync(Demo, OpportunityStage.Lead, 6);
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        using var subscription = database.Feed.Subscribe(Demo.Value, Boards.Opportunities);

        var saves = await SavesInOneBatchAsync(database.Model, [.. cards.Select(c => (c, OpportunityStage.FirstContact))]);
        await Task.WhenAll(saves.Select(s => s.Save));

        var rows = await database.OutboxRowsAsync(Demo, Boards.Opportunities, before);
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, cards.Count).Select(n => before + n));
        rows.Select(r => r.CardId).ShouldBe(cards.Select(c => c.Value), ignoreOrder: true);
        (await subscription.NextAsync(cards.Count)).Select(e => e.Sequence).ShouldBe(rows.Select(r => r.Sequence), "published after commit, in commit order");
        (await StagesAsync(cards)).Values.ShouldAllBe(s => s == OpportunityStage.FirstContact);
        saves.ShouldAllBe(s => s.Context.ChangeTracker.Entries().All(e => e.State == EntityState.Unchanged), "each save's changes are accepted");
        await DisposeAsync(saves);
    }

    [SqliteFact]
    public async Task WhenOneMoveInABatchIsStale_ItAloneIsRefusedAndTheOthersCommit()
    {
        var cards = await database.OpportunitiesInAsync(Demo, OpportunityStage.FirstContact, 3);
        var contested = cards[0];
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);

        // Two users moved the same card from the version they both saw; the first in the batch wins.
        var saves = await SavesInOneBatchAsync(database.Model,
        [
            (contested, OpportunityStage.NeedsAnalysis),
            (cards[1], OpportunityStage.NeedsAnalysis),
            (contested, OpportunityStage.Lead),
            (cards[2], OpportunityStage.NeedsAnalysis),
        ]);
        var outcomes = await OutcomesAsync(saves);

        outcomes[0].ShouldBeNull();
        outcomes[1].ShouldBeNull();
        outcomes[2].ShouldBeOfType<DbUpdateConcurrencyException>();
        outcomes[3].ShouldBeNull();
        var rows = await database.OutboxRowsAsync(Demo, Boards.Opportunities, before);
        rows.Select(r => r.Sequence).ShouldBe([before + 1, before + 2, before + 3], "the refused move took no number");
        rows.Select(r => r.CardId).ShouldBe([contested.Value, cards[1].Value, cards[2].Value]);
        (await StagesAsync(cards)).Values.ShouldAllBe(s => s == OpportunityStage.NeedsAnalysis, "the stale move changed nothing");
        await DisposeAsync(saves);
    }

    [SqliteFact]
    public async Task WhenTheBatchCannotCommit_EveryMoveInItIsToldAndNothingIsWritten()
    {
        var failing = new DatabaseModel(
            DatabaseProvider.Sqlite,
            new DbContextOptionsBuilder<SqliteCrmDbContext>(PersistenceServices.SqliteOptions(database.ConnectionString))
                .AddInterceptors(new FailingCommit())
                .Options,
            database.Outbox);
        var cards = await database.OpportunitiesInAsync(Demo, OpportunityStage.NeedsAnalysis, 3);
        var before = await database.SequenceOfAsync(Demo, Boards.Opportunities);
        var stagesBefore = await StagesAsync(cards);

        var saves = await SavesInOneBatchAsync(failing, [.. cards.Select(c => (c, OpportunityStage.FirstContact))]);
        var outcomes = await OutcomesAsync(saves);

        outcomes.ShouldAllBe(o => o is InvalidOperationException && o.Message == FailingCommit.Message);
        (await database.SequenceOfAsync(Demo, Boards.Opportunities)).ShouldBe(before);
        (await database.OutboxRowsAsync(Demo, Boards.Opportunities, before)).ShouldBeEmpty();
        (await StagesAsync(cards)).ShouldBe(stagesBefore);
        await DisposeAsync(saves);
    }

    /// <summary>Loads and moves each card in a context of its own, then saves them all while the write turn is held, so they queue into one batch.</summary>
    private async Task<List<(CrmDbContext Context, Task Save)>> SavesInOneBatchAsync(DatabaseModel model, List<(OpportunityId Card, OpportunityStage Target)> moves)
    {
        var contexts = new List<CrmDbContext>();
        foreach (var (card, target) in moves)
        {
            var db = model.CreateFor(Demo);
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == card);
            opportunity.MoveTo(target, StageBlueprint.Default, opportunity.OwnerId, actorIsManager: true, database.Clock.GetUtcNow());
            contexts.Add(db);
        }

        var queue = model.Writes.ShouldNotBeNull();
        var saves = new List<(CrmDbContext, Task)>();
        using (await model.EnterWriteAsync())
        {
            foreach (var db in contexts)
            {
                saves.Add((db, db.SaveChangesAsync()));

                // One at a time, so the batch holds them in this order.
                await Until(() => queue.Waiting == saves.Count);
            }
        }

        return saves;
    }

    private static async Task<List<Exception?>> OutcomesAsync(List<(CrmDbContext Context, Task Save)> saves)
    {
        var outcomes = new List<Exception?>();
        foreach (var (_, save) in saves)
        {
            try
            {
                await save;
                outcomes.Add(null);
            }
            catch (Exception exception)
            {
                outcomes.Add(exception);
            }
        }

        return outcomes;
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }

    private static async Task DisposeAsync(List<(CrmDbContext Context, Task Save)> saves)
    {
        foreach (var (db, _) in saves)
        {
            await db.DisposeAsync();
        }
    }

    private async Task<Dictionary<OpportunityId, OpportunityStage>> StagesAsync(List<OpportunityId> cards)
    {
        await using var db = database.CreateFor(Demo);
        return await db.Opportunities.Where(o => cards.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Stage);
    }

    private sealed class FailingCommit : DbTransactionInterceptor
    {
        public const string Message = "The disk went away at commit.";

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(
            System.Data.Common.DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);
    }
}
