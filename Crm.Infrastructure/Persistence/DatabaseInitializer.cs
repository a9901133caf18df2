using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Persistence;

/// <summary>Applies pending migrations at start (never EnsureCreated).</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(DatabaseModel model, CancellationToken cancellationToken = default)
    {
        await using var db = model.CreateSystem();
        if (model.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (model.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one writer commits; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public static async Task<bool> IsReadyAsync(DatabaseModel model, CancellationToken cancellationToken = default)
    {
        await using var db = model.CreateSystem();
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return false;
        }

        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return !pending.Any();
    }
}
