using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Crm.Infrastructure.Persistence;

/// <summary>
/// SQLite's <c>synchronous</c> setting, per connection (<c>Database:SqliteSynchronous</c>). The database runs in WAL mode
/// (<see cref="DatabaseInitializer"/>), where <see cref="Normal"/> cannot corrupt the file but may lose the last commits
/// on a power cut or an OS crash (not on an app crash); <see cref="Full"/> syncs every commit to disk (ADR-008).
/// </summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

/// <summary>Sets <c>PRAGMA synchronous</c> once on every physical SQLite connection (pooled connections keep it).</summary>
internal sealed class SqliteSynchronousInterceptor(SqliteSynchronous mode) : DbConnectionInterceptor
{
    private static readonly object Set = new();
    private readonly ConditionalWeakTable<object, object> _configured = [];
    private readonly string _pragma = mode == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs commands synchronously anyway.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || _configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, Set);
    }
}
