using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>DatabaseInitializer.MigrateAsync on a database that has no schema yet (a SQLite file that does not exist).</summary>
public sealed class DatabaseInitializerMigrateTests(DatabaseInitializerMigrateTests.FreshDatabase database)
    : IClassFixture<DatabaseInitializerMigrateTests.FreshDatabase>
{
    [SqliteFact]
    public void WhenTheFileDidNotExist_ItIsCreated()
    {
        database.FileExistedBefore.ShouldBeFalse();
        File.Exists(database.FilePath).ShouldBeTrue();
    }

    [Fact]
    public void WhenTheDatabaseWasEmpty_EveryMigrationIsApplied()
    {
        database.AppliedBefore.ShouldBeEmpty();
        database.AppliedAfter.ShouldNotBeEmpty();
        database.AppliedAfter.ShouldBe(database.KnownMigrations);
    }

    [Fact]
    public async Task WhenMigrated_NoMigrationIsPendingAndTheDatabaseIsReady()
    {
        await using var db = database.CreateSystem();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await DatabaseInitializer.IsReadyAsync(database.Model)).ShouldBeTrue();
    }

    [Fact]
    public void WhenNotMigrated_TheDatabaseIsNotReady()
    {
        database.ReadyBefore.ShouldBeFalse();
    }

    [Fact]
    public async Task WhenTheModelIsComparedWithTheLastMigration_ThereAreNoPendingChanges()
    {
        await using var db = database.CreateSystem();

        db.Database.HasPendingModelChanges().ShouldBeFalse("The model changed since the last migration: add a migration.");
    }

    [Fact]
    public async Task WhenMigrated_EveryTableOfTheModelExists()
    {
        await using var db = database.CreateSystem();
        var tables = await db.Database
            .SqlQueryRaw<string>(database.Provider == DatabaseProvider.Sqlite
                ? "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table'"
                : "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = 'public'")
            .ToListAsync();

        var expected = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct();

        expected.ShouldBeSubsetOf(tables);
        tables.ShouldContain(HistoryRepository.DefaultTableName);
    }

    [Fact]
    public async Task WhenMigratedAgain_NothingChanges()
    {
        await database.MigrateAsync();

        await using var db = database.CreateSystem();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(database.AppliedAfter);
    }

    [SqliteFact]
    public async Task WhenMigrated_TheFileIsInWriteAheadLogMode()
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        ((string?)await command.ExecuteScalarAsync()).ShouldBe("wal");
    }

    [SqliteFact]
    public async Task WhenTheAppOpensAConnection_ItSyncsAtCheckpointsNotEveryCommit()
    {
        await using var db = database.CreateSystem();
        await db.Database.OpenConnectionAsync();

        (await Synchronous(db)).ShouldBe(1L, "WAL with synchronous=NORMAL (1), ADR-008");
    }

    [SqliteFact]
    public async Task WhenFullIsConfigured_EveryConnectionSyncsEachCommit()
    {
        var full = new DatabaseModel(DatabaseProvider.Sqlite, PersistenceServices.SqliteOptions(database.ConnectionString, SqliteSynchronous.Full));
        await using var db = full.CreateSystem();
        await db.Database.OpenConnectionAsync();

        (await Synchronous(db)).ShouldBe(2L, "synchronous=FULL (2)");
    }

    private static async Task<long?> Synchronous(CrmDbContext db)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long?)await command.ExecuteScalarAsync();
    }

    /// <summary>Records the state before and after one MigrateAsync on a file that does not exist.</summary>
    public sealed class FreshDatabase : TestDatabase
    {
        public bool FileExistedBefore { get; private set; }

        public bool ReadyBefore { get; private set; }

        public IReadOnlyList<string> AppliedBefore { get; private set; } = [];

        public IReadOnlyList<string> AppliedAfter { get; private set; } = [];

        public IReadOnlyList<string> KnownMigrations { get; private set; } = [];

        public override async Task InitializeAsync()
        {
            FileExistedBefore = FilePath is not null && File.Exists(FilePath);
            ReadyBefore = await DatabaseInitializer.IsReadyAsync(Model);
            await using (var db = CreateSystem())
            {
                AppliedBefore = [.. await db.Database.GetAppliedMigrationsAsync()];
                KnownMigrations = [.. db.Database.GetMigrations()];
            }

            await MigrateAsync();
            await using var after = CreateSystem();
            AppliedAfter = [.. await after.Database.GetAppliedMigrationsAsync()];
        }
    }
}
