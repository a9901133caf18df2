using System.Net.Sockets;
using Crm.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>
/// The servers the infrastructure tests run against, chosen by environment variables:
/// <c>CRM_TEST_DB</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>) and <c>CRM_TEST_PG</c> (a PostgreSQL
/// connection string of a role that may create databases). Redis tests start their own
/// <see cref="RedisServer"/>. <c>CRM_TEST_SERVICES=required</c> (set by test.sh) turns a missing
/// server into a failure.
/// </summary>
public static class TestServers
{
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=crm;Password=crm;Database=postgres";

    public static DatabaseProvider Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CRM_TEST_DB"), nameof(DatabaseProvider.Postgres), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;

    public static string Postgres { get; } = Environment.GetEnvironmentVariable("CRM_TEST_PG") is { Length: > 0 } pg ? pg : DefaultPostgres;

    /// <summary>Under test.sh every server must be there: a test that needs one fails instead of being skipped.</summary>
    public static bool Required { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CRM_TEST_SERVICES"), "required", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A test that needs Redis: skipped when a developer has none, failed under test.sh (CRM_TEST_SERVICES=required).</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Missing is { } why && !TestServers.Required)
        {
            Skip = why;
        }
    }
}

/// <summary>A test of something only SQLite has (a file, WAL): skipped, and counted so, when the suite runs on PostgreSQL.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestServers.Provider != DatabaseProvider.Sqlite)
        {
            Skip = "SQLite only: the suite runs on " + TestServers.Provider + ".";
        }
    }
}

/// <summary>
/// One throwaway database of the provider under test: a SQLite file in the temp folder, or a fresh
/// PostgreSQL database (created now, dropped by <see cref="Drop"/>).
/// </summary>
public sealed class ScratchDatabase
{
    private readonly string? _postgresName;

    public ScratchDatabase(string prefix)
    {
        Provider = TestServers.Provider;
        if (Provider == DatabaseProvider.Sqlite)
        {
            FilePath = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();
            return;
        }

        _postgresName = $"{prefix.Replace('-', '_')}_{Guid.NewGuid():N}";
        RunOnServer($"CREATE DATABASE \"{_postgresName}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _postgresName }.ToString();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The SQLite file; null on PostgreSQL.</summary>
    public string? FilePath { get; }

    public DatabaseModel CreateModel(Crm.Infrastructure.Realtime.BoardOutbox? outbox = null) => new(
        Provider,
        Provider == DatabaseProvider.Sqlite
            ? PersistenceServices.SqliteOptions(ConnectionString)
            : PersistenceServices.PostgresOptions(ConnectionString),
        outbox);

    public void Drop()
    {
        if (FilePath is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(FilePath + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();

        // Dropping is cleanup, not a test: when the server is busy ending many runs at once it may refuse
        // for a moment, so try a few times, then leave the uniquely named database behind and say so.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                RunOnServer($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)");
                return;
            }
            catch (InvalidOperationException exception) when (attempt < 4)
            {
                Console.Error.WriteLine($"Dropping test database {_postgresName} failed (attempt {attempt}): {exception.InnerException?.Message}");
                Thread.Sleep(500 * attempt);
            }
            catch (InvalidOperationException exception)
            {
                Console.Error.WriteLine($"Test database {_postgresName} left behind: {exception.InnerException?.Message}");
                return;
            }
        }
    }

    private static void RunOnServer(string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(TestServers.Postgres);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException)
        {
            throw new InvalidOperationException(
                $"CRM_TEST_DB=Postgres, but PostgreSQL at \"{TestServers.Postgres}\" refused: {exception.Message}. " +
                "Run ./test.sh (it starts PostgreSQL) or set CRM_TEST_PG to a role that may create databases.", exception);
        }
    }
}
