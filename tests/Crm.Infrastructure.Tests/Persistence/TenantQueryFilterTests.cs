using System.Reflection;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>
/// A context of one tenant never returns a row of another, whatever the query. The entity types
/// come from the model, so a new tenant-owned type is covered (and must get seeded rows) at once.
/// </summary>
public sealed class TenantQueryFilterTests(TwoTenantDatabase database) : IClassFixture<TwoTenantDatabase>
{
    public static TheoryData<string> TenantOwnedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ModelTypes.TenantOwned())
        {
            data.Add(type.Name);
        }

        return data;
    }

    /// <summary>Each tenant-owned type, seen from each tenant towards the other.</summary>
    public static TheoryData<string, string> TenantOwnedTypesAndViewers()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in ModelTypes.TenantOwned())
        {
            data.Add(type.Name, "demo");
            data.Add(type.Name, "other");
        }

        return data;
    }

    [Fact]
    public void WhenModelIsBuilt_TheKnownTenantOwnedTypesAreFound()
    {
        Type[] known = [typeof(Shop), typeof(Team), typeof(Region), typeof(UserShopMembership), typeof(Notification)];

        known.ShouldBeSubsetOf(ModelTypes.TenantOwned().Select(e => e.ClrType));
    }

    [Fact]
    public void WhenModelIsBuilt_EveryTenantOwnedTypeTenantsAndUsersHaveTheNamedTenantFilter()
    {
        var filtered = ModelTypes.TenantOwned().Select(e => e.Name).Append(typeof(Tenant).FullName!).Append(typeof(CrmUser).FullName!);

        foreach (var name in filtered)
        {
            ModelTypes.Find(name).FindDeclaredQueryFilter(CrmDbContext.TenantFilter).ShouldNotBeNull($"{name} has no \"{CrmDbContext.TenantFilter}\" filter");
        }
    }

    [Theory]
    [MemberData(nameof(TenantOwnedTypes))]
    public Task WhenSeeded_BothTenantsOwnRowsOfTheType(string entityType) => Run(nameof(BothTenantsOwnRows), entityType);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenListed_OnlyTheViewersRowsAppear(string entityType, string viewer) => Run(nameof(Listed), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenCounted_TheOtherTenantsRowsCountZero(string entityType, string viewer) => Run(nameof(Counted), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenFoundByTheOtherTenantsKey_ReturnsNull(string entityType, string viewer) => Run(nameof(Found), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenProjected_OnlyTheViewersTenantAppears(string entityType, string viewer) => Run(nameof(Projected), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenJoined_OnlyTheViewersRowsAppear(string entityType, string viewer) => Run(nameof(Joined), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenQueriedThroughRawSql_TheFilterStillApplies(string entityType, string viewer) => Run(nameof(RawSql), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypesAndViewers))]
    public Task WhenBulkDeletingTheOtherTenantsRows_NoneIsDeleted(string entityType, string viewer) => Run(nameof(BulkDeleted), entityType, viewer);

    [Theory]
    [MemberData(nameof(TenantOwnedTypes))]
    public Task WhenTheContextHasNoTenant_NoRowIsVisible(string entityType) => Run(nameof(NoTenantSeesNothing), entityType);

    [Theory]
    [InlineData("demo")]
    [InlineData("other")]
    public async Task WhenTenantsAreQueried_OnlyTheViewersTenantAppears(string viewer)
    {
        var (own, foreign) = Tenants(viewer);
        await using var db = database.CreateFor(own);

        (await db.Tenants.Select(t => t.Id).ToListAsync()).ShouldBe([own]);
        (await db.Tenants.CountAsync()).ShouldBe(1);
        (await db.Tenants.AnyAsync(t => t.Id == foreign)).ShouldBeFalse();
        (await db.Tenants.FindAsync(foreign)).ShouldBeNull();
        (await db.Tenants.Where(t => t.Id == foreign).Select(t => t.Name).FirstOrDefaultAsync()).ShouldBeNull();
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("other")]
    public async Task WhenTheTenantIsIncludedWithItsChildren_OnlyItsOwnChildrenAreIncluded(string viewer)
    {
        var (own, _) = Tenants(viewer);
        await using var db = database.CreateFor(own);

        var tenant = await db.Tenants.Include(t => t.Shops).Include(t => t.Teams).Include(t => t.Regions).AsSplitQuery().SingleAsync();

        tenant.Id.ShouldBe(own);
        tenant.Shops.ShouldNotBeEmpty();
        tenant.Teams.ShouldNotBeEmpty();
        tenant.Regions.ShouldNotBeEmpty();
        tenant.Shops.ShouldAllBe(s => s.TenantId == own);
        tenant.Teams.ShouldAllBe(t => t.TenantId == own);
        tenant.Regions.ShouldAllBe(r => r.TenantId == own);
    }

    [Theory]
    [InlineData("demo")]
    [InlineData("other")]
    public async Task WhenUsersAreQueried_TheOtherTenantsUsersNeverAppear(string viewer)
    {
        var (own, foreign) = Tenants(viewer);
        List<Guid> foreignIds;
        await using (var system = database.CreateSystem())
        {
            foreignIds = await system.Users.Where(u => u.TenantId == foreign).Select(u => u.Id).ToListAsync();
        }

        foreignIds.ShouldNotBeEmpty();
        await using var db = database.CreateFor(own);

        (await db.Users.ToListAsync()).ShouldAllBe(u => u.TenantId == own);
        (await db.Users.CountAsync(u => u.TenantId == foreign)).ShouldBe(0);
        (await db.Users.Select(u => u.TenantId).Distinct().ToListAsync()).ShouldBe([own]);
        (await db.Users.AnyAsync(u => foreignIds.Contains(u.Id))).ShouldBeFalse();
        foreach (var id in foreignIds)
        {
            (await db.Users.FindAsync(id)).ShouldBeNull();
        }

        var joined = await (from u in db.Users
                            join m in db.UserShops on u.Id equals m.UserId
                            select new { u.TenantId, m.ShopId }).ToListAsync();
        joined.ShouldNotBeEmpty();
        joined.ShouldAllBe(row => row.TenantId == own);
    }

    [Fact]
    public async Task WhenTheContextHasNoTenant_NoTenantIsVisibleButUsersAreForSignIn()
    {
        await using var db = database.CreateSystem();

        db.HasTenant.ShouldBeFalse();
        (await db.Tenants.CountAsync()).ShouldBe(0);
        (await db.Tenants.FindAsync(DemoIds.DemoTenant)).ShouldBeNull();

        // Sign-in looks a user up by email before anyone's tenant is known.
        (await db.Users.Select(u => u.TenantId).Distinct().CountAsync()).ShouldBe(2);
    }

    private async Task BothTenantsOwnRows<T>()
        where T : class, ITenantOwned
    {
        await using var system = database.CreateSystem();
        foreach (var tenant in new[] { TwoTenantDatabase.Demo, TwoTenantDatabase.Other })
        {
            (await system.Set<T>().IgnoreQueryFilters().CountAsync(e => e.TenantId == tenant))
                .ShouldBeGreaterThan(0, $"Seed rows of {typeof(T).Name} for tenant {tenant} (TwoTenantDatabase), or the isolation tests prove nothing.");
        }
    }

    private async Task Listed<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var ownCount = await CountUnfiltered<T>(own);
        await using var db = database.CreateFor(own);

        var tracked = await db.Set<T>().ToListAsync();
        var untracked = await db.Set<T>().AsNoTracking().ToListAsync();
        var streamed = new List<T>();
        await foreach (var row in db.Set<T>().AsNoTracking().AsAsyncEnumerable())
        {
            streamed.Add(row);
        }

        foreach (var rows in new[] { tracked, untracked, streamed })
        {
            rows.Count.ShouldBe(ownCount);
            rows.ShouldAllBe(e => e.TenantId == own);
            rows.ShouldNotContain(e => e.TenantId == foreign);
        }
    }

    private async Task Counted<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var ownCount = await CountUnfiltered<T>(own);
        await using var db = database.CreateFor(own);

        (await db.Set<T>().CountAsync()).ShouldBe(ownCount);
        (await db.Set<T>().LongCountAsync(e => e.TenantId == foreign)).ShouldBe(0);
        (await db.Set<T>().AnyAsync(e => e.TenantId == foreign)).ShouldBeFalse();
        (await db.Set<T>().Where(e => e.TenantId == foreign).FirstOrDefaultAsync()).ShouldBeNull();
        (await db.Set<T>().GroupBy(e => e.TenantId).Select(g => g.Key).ToListAsync()).ShouldBe([own]);
    }

    private async Task Found<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var foreignKeys = await KeysOf<T>(foreign);
        foreignKeys.ShouldNotBeEmpty();
        await using var db = database.CreateFor(own);

        foreach (var key in foreignKeys)
        {
            (await db.FindAsync<T>(key)).ShouldBeNull();
        }
    }

    private async Task Projected<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        await using var db = database.CreateFor(own);

        (await db.Set<T>().Select(e => e.TenantId).Distinct().ToListAsync()).ShouldBe([own]);
        (await db.Set<T>().Select(e => new { e.TenantId, Row = e }).ToListAsync()).ShouldAllBe(x => x.TenantId == own && x.Row.TenantId == own);
        (await db.Set<T>().Where(e => e.TenantId == foreign).Select(e => 1).ToListAsync()).ShouldBeEmpty();
    }

    private async Task Joined<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var ownCount = await CountUnfiltered<T>(own);
        await using var db = database.CreateFor(own);

        // A join with the tenant table, and a correlated subquery from it.
        var joined = await (from e in db.Set<T>()
                            join t in db.Tenants on e.TenantId equals t.Id
                            select new { e.TenantId, TenantRow = t.Id }).ToListAsync();
        joined.Count.ShouldBe(ownCount);
        joined.ShouldAllBe(x => x.TenantId == own && x.TenantRow == own);

        var perTenant = await db.Tenants.Select(t => new { t.Id, Rows = db.Set<T>().Count(), Foreign = db.Set<T>().Count(e => e.TenantId == foreign) })
            .ToListAsync();
        perTenant.ShouldHaveSingleItem().Rows.ShouldBe(ownCount);
        perTenant.Single().Foreign.ShouldBe(0);

        // A join on the tenant column with a second tenant-owned set.
        var crossed = await (from e in db.Set<T>()
                             from s in db.Shops.Where(s => s.TenantId == e.TenantId)
                             select s.TenantId).Distinct().ToListAsync();
        crossed.ShouldBe([own]);
    }

    private async Task RawSql<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var ownCount = await CountUnfiltered<T>(own);
        await using var db = database.CreateFor(own);
        var table = db.Model.FindEntityType(typeof(T))!.GetTableName();

#pragma warning disable EF1003 // The table name comes from the model, not from input.
        var rows = await db.Set<T>().FromSqlRaw("SELECT * FROM \"" + table + "\"").ToListAsync();
#pragma warning restore EF1003

        rows.Count.ShouldBe(ownCount);
        rows.ShouldNotContain(e => e.TenantId == foreign);
    }

    private async Task BulkDeleted<T>(TenantId own, TenantId foreign)
        where T : class, ITenantOwned
    {
        var foreignCount = await CountUnfiltered<T>(foreign);
        await using (var db = database.CreateFor(own))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var deleted = await db.Set<T>().Where(e => e.TenantId == foreign).ExecuteDeleteAsync();
            await transaction.RollbackAsync();

            deleted.ShouldBe(0);
        }

        (await CountUnfiltered<T>(foreign)).ShouldBe(foreignCount);
    }

    private async Task NoTenantSeesNothing<T>()
        where T : class, ITenantOwned
    {
        await using var db = database.CreateSystem();

        (await db.Set<T>().CountAsync()).ShouldBe(0);
        (await db.Set<T>().ToListAsync()).ShouldBeEmpty();
        foreach (var key in await KeysOf<T>(TwoTenantDatabase.Demo))
        {
            (await db.FindAsync<T>(key)).ShouldBeNull();
        }
    }

    private async Task<int> CountUnfiltered<T>(TenantId tenant)
        where T : class, ITenantOwned
    {
        await using var system = database.CreateSystem();
        return await system.Set<T>().IgnoreQueryFilters().CountAsync(e => e.TenantId == tenant);
    }

    private async Task<List<object?[]>> KeysOf<T>(TenantId tenant)
        where T : class, ITenantOwned
    {
        await using var system = database.CreateSystem();
        var rows = await system.Set<T>().IgnoreQueryFilters().Where(e => e.TenantId == tenant).ToListAsync();
        var key = system.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!;
        return [.. rows.Select(row => key.Properties.Select(p => system.Entry(row).Property(p.Name).CurrentValue).ToArray())];
    }

    private static (TenantId Own, TenantId Foreign) Tenants(string viewer) => viewer switch
    {
        "demo" => (TwoTenantDatabase.Demo, TwoTenantDatabase.Other),
        "other" => (TwoTenantDatabase.Other, TwoTenantDatabase.Demo),
        _ => throw new ArgumentOutOfRangeException(nameof(viewer), viewer, "demo or other"),
    };

    private Task Run(string method, string entityType, string? viewer = null)
    {
        var clrType = ModelTypes.Find(entityType).ClrType;
        var generic = typeof(TenantQueryFilterTests)
            .GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(clrType);
        object[] arguments = viewer is null ? [] : [Tenants(viewer).Own, Tenants(viewer).Foreign];
        return (Task)generic.Invoke(this, arguments)!;
    }
}
