using System.Reflection;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>A context of one tenant refuses to write a row of another, whatever the kind of write.</summary>
public sealed class TenantWriteGuardTests(TwoTenantDatabase database) : IClassFixture<TwoTenantDatabase>
{
    private const string CrossedTenants = "A write crossed tenants.";

    private static readonly TenantId Demo = TwoTenantDatabase.Demo;
    private static readonly TenantId Other = TwoTenantDatabase.Other;

    public static TheoryData<string> TenantOwnedTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in ModelTypes.TenantOwned())
        {
            data.Add(type.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TenantOwnedTypes))]
    public Task WhenAnotherTenantsRowIsUpdated_SaveThrows(string entityType) => Run(nameof(Updated), entityType);

    [Theory]
    [MemberData(nameof(TenantOwnedTypes))]
    public Task WhenAnotherTenantsRowIsDeleted_SaveThrowsAndTheRowRemains(string entityType) => Run(nameof(Deleted), entityType);

    [Fact]
    public async Task WhenANotificationForAnotherTenantIsAdded_SaveThrowsAndNothingIsStored()
    {
        var notification = Notification.Send(Demo, DemoIds.Rep1, "Notification.Intruder", [], null, database.Clock.GetUtcNow());
        await using (var db = database.CreateFor(Other))
        {
            db.Notifications.Add(notification);

            await ShouldRefuseAsync(db);
        }

        await using var system = database.CreateSystem();
        (await system.Notifications.IgnoreQueryFilters().AnyAsync(n => n.Id == notification.Id)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WhenARowWithAnEmptyTenantIsAdded_SaveThrowsAndNothingIsStored(bool asSystem)
    {
        await using (var db = asSystem ? database.CreateSystem() : database.CreateFor(Demo))
        {
            db.UserShops.Add(new UserShopMembership { UserId = DemoIds.Rep2.Value, ShopId = DemoIds.AlibabaShop, TenantId = default });

            (await Should.ThrowAsync<InvalidOperationException>(async () => _ = await db.SaveChangesAsync())).Message.ShouldBe("A tenant-owned row has no tenant.");
        }

        await using var check = database.CreateSystem();
        (await check.UserShops.IgnoreQueryFilters().AnyAsync(m => m.UserId == DemoIds.Rep2.Value && m.ShopId == DemoIds.AlibabaShop)).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenAShopMembershipForAnotherTenantIsAdded_SaveThrows()
    {
        await using var db = database.CreateFor(Other);
        db.UserShops.Add(new UserShopMembership { UserId = DemoIds.OtherAdmin.Value, ShopId = DemoIds.TmallShop, TenantId = Demo });

        await ShouldRefuseAsync(db);
    }

    [Fact]
    public async Task WhenAnotherTenantIsAttachedAndGetsAShop_SaveThrowsAndNoShopIsStored()
    {
        var shopId = ShopId.New();
        Tenant demo;
        await using (var system = database.CreateSystem())
        {
            demo = await system.Tenants.IgnoreQueryFilters().Include(t => t.Shops).AsNoTracking().SingleAsync(t => t.Id == Demo);
        }

        await using (var db = database.CreateFor(Other))
        {
            db.Tenants.Attach(demo);
            demo.OpenShop(shopId, "Intruder shop", "intruder", ShopKind.Branch, "Intruder Ltd.", database.Clock.GetUtcNow());

            await ShouldRefuseAsync(db);
        }

        await using var check = database.CreateSystem();
        (await check.Shops.IgnoreQueryFilters().AnyAsync(s => s.Id == shopId)).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenAnotherTenantIsRenamed_SaveThrowsAndTheNameIsKept()
    {
        Tenant demo;
        await using (var system = database.CreateSystem())
        {
            demo = await system.Tenants.IgnoreQueryFilters().AsNoTracking().SingleAsync(t => t.Id == Demo);
        }

        var name = demo.Name;
        await using (var db = database.CreateFor(Other))
        {
            db.Tenants.Attach(demo);
            demo.Rename("Taken over");

            await ShouldRefuseAsync(db);
        }

        await using var check = database.CreateSystem();
        (await check.Tenants.IgnoreQueryFilters().Where(t => t.Id == Demo).Select(t => t.Name).SingleAsync()).ShouldBe(name);
    }

    [Fact]
    public async Task WhenAnotherTenantsUserIsUpdated_SaveThrowsAndTheUserIsKept()
    {
        CrmUser rep;
        await using (var system = database.CreateSystem())
        {
            rep = await system.Users.AsNoTracking().SingleAsync(u => u.Id == DemoIds.Rep1.Value);
        }

        await using (var db = database.CreateFor(Other))
        {
            db.Users.Attach(rep);
            rep.IsDisabled = true;

            await ShouldRefuseAsync(db);
        }

        await using var check = database.CreateSystem();
        (await check.Users.Where(u => u.Id == DemoIds.Rep1.Value).Select(u => u.IsDisabled).SingleAsync()).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenATenantWritesItsOwnRows_SaveSucceeds()
    {
        var notification = Notification.Send(Other, DemoIds.OtherAdmin, "Notification.Own", [], null, database.Clock.GetUtcNow());
        await using (var db = database.CreateFor(Other))
        {
            db.Notifications.Add(notification);
            var tenant = await db.Tenants.SingleAsync();
            tenant.Rename("Other Trading Co. Ltd.");

            await db.SaveChangesAsync();
        }

        await using var check = database.CreateFor(Other);
        (await check.Notifications.AnyAsync(n => n.Id == notification.Id)).ShouldBeTrue();
        (await check.Tenants.Select(t => t.Name).SingleAsync()).ShouldBe("Other Trading Co. Ltd.");
    }

    private async Task Updated<T>()
        where T : class, ITenantOwned
    {
        var row = await AnyRowOf<T>(Demo);
        await using var db = database.CreateFor(Other);
        db.Set<T>().Update(row);

        await ShouldRefuseAsync(db);
    }

    private async Task Deleted<T>()
        where T : class, ITenantOwned
    {
        var before = await CountOf<T>(Demo);
        var row = await AnyRowOf<T>(Demo);
        await using (var db = database.CreateFor(Other))
        {
            db.Set<T>().Remove(row);

            await ShouldRefuseAsync(db);
        }

        (await CountOf<T>(Demo)).ShouldBe(before);
    }

    private static async Task ShouldRefuseAsync(CrmDbContext db)
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(async () => _ = await db.SaveChangesAsync());
        refused.Message.ShouldBe(CrossedTenants);
    }

    private async Task<T> AnyRowOf<T>(TenantId tenant)
        where T : class, ITenantOwned
    {
        await using var system = database.CreateSystem();
        return await system.Set<T>().IgnoreQueryFilters().AsNoTracking().FirstAsync(e => e.TenantId == tenant);
    }

    private async Task<int> CountOf<T>(TenantId tenant)
        where T : class, ITenantOwned
    {
        await using var system = database.CreateSystem();
        return await system.Set<T>().IgnoreQueryFilters().CountAsync(e => e.TenantId == tenant);
    }

    private Task Run(string method, string entityType) =>
        (Task)typeof(TenantWriteGuardTests)
            .GetMethod(method, BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(ModelTypes.Find(entityType).ClrType)
            .Invoke(this, [])!;
}
