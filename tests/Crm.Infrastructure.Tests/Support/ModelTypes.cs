using Crm.Domain.Common;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>The entity types of the real model, so that a new entity type is covered without editing tests.</summary>
internal static class ModelTypes
{
    private static readonly Lazy<IModel> Model = new(() =>
    {
        // Building the model opens no connection.
        var options = new DbContextOptionsBuilder<SqliteCrmDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new SqliteCrmDbContext(options, FixedTenant.None);
        return db.Model;
    });

    public static IReadOnlyList<IEntityType> TenantOwned() =>
        [.. Model.Value.GetEntityTypes().Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType)).OrderBy(e => e.Name, StringComparer.Ordinal)];

    public static IReadOnlyList<IEntityType> All() =>
        [.. Model.Value.GetEntityTypes().Where(e => !e.IsOwned()).OrderBy(e => e.Name, StringComparer.Ordinal)];

    public static IEntityType Find(string name) =>
        Model.Value.FindEntityType(name) ?? throw new InvalidOperationException($"No entity type {name} in the model.");
}
