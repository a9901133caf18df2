using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Persistence;

/// <summary>Every save of a changed aggregate bumps its Version; a writer holding an older Version fails.</summary>
public sealed class AggregateVersionTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task WhenATenantIsAdded_ItsVersionStartsAtOne()
    {
        var id = await NewTenantAsync();

        (await VersionOf(id)).ShouldBe(1);
    }

    [Fact]
    public async Task WhenTheTenantIsRenamed_TheVersionGoesUpByOne()
    {
        var id = await NewTenantAsync();
        await using (var db = database.CreateFor(id))
        {
            var tenant = await db.Tenants.SingleAsync();
            tenant.Rename("Renamed");
            await db.SaveChangesAsync();

            tenant.Version.ShouldBe(2);
        }

        (await VersionOf(id)).ShouldBe(2);
    }

    [Fact]
    public async Task WhenAShopIsOpened_TheTenantVersionGoesUpAndTheShopIsStored()
    {
        var id = await NewTenantAsync();
        var shopId = ShopId.New();
        await using (var db = database.CreateFor(id))
        {
            var tenant = await db.Tenants.Include(t => t.Shops).SingleAsync();
            tenant.OpenShop(shopId, "Tmall", "tmall", ShopKind.OnlineStore, "Huayu", database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        (await VersionOf(id)).ShouldBe(2);
        await using var check = database.CreateFor(id);
        (await check.Shops.SingleAsync()).Id.ShouldBe(shopId);
    }

    [Fact]
    public async Task WhenNothingChanged_TheVersionStays()
    {
        var id = await NewTenantAsync();
        await using (var db = database.CreateFor(id))
        {
            var tenant = await db.Tenants.Include(t => t.Shops).SingleAsync();
            tenant.Rename(tenant.Name);

            (await db.SaveChangesAsync()).ShouldBe(0);
        }

        (await VersionOf(id)).ShouldBe(1);
    }

    [Fact]
    public async Task WhenTwoContextsRenameTheSameTenant_TheSecondSaveThrowsAndTheFirstWriteIsKept()
    {
        var id = await NewTenantAsync();
        await using var first = database.CreateFor(id);
        await using var second = database.CreateFor(id);
        var firstCopy = await first.Tenants.SingleAsync();
        var secondCopy = await second.Tenants.SingleAsync();

        firstCopy.Rename("First writer");
        secondCopy.Rename("Second writer");
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());
        await using var check = database.CreateFor(id);
        var stored = await check.Tenants.SingleAsync();
        stored.Name.ShouldBe("First writer");
        stored.Version.ShouldBe(2);
    }

    [Fact]
    public async Task WhenTwoContextsOpenShopsOnTheSameTenant_TheSecondSaveThrowsAndStoresNoShop()
    {
        var id = await NewTenantAsync();
        await using var first = database.CreateFor(id);
        await using var second = database.CreateFor(id);
        var firstCopy = await first.Tenants.Include(t => t.Shops).SingleAsync();
        var secondCopy = await second.Tenants.Include(t => t.Shops).SingleAsync();

        firstCopy.OpenShop(ShopId.New(), "Tmall", "tmall", ShopKind.OnlineStore, "Huayu", database.Clock.GetUtcNow());
        secondCopy.OpenShop(ShopId.New(), "JD", "jd", ShopKind.OnlineStore, "Huayu", database.Clock.GetUtcNow());
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());
        await using var check = database.CreateFor(id);
        (await check.Shops.Select(s => s.Code).ToListAsync()).ShouldBe(["tmall"]);
    }

    [Fact]
    public async Task WhenANotificationIsMarkedReadTwiceConcurrently_TheSecondSaveThrows()
    {
        var id = await NewTenantAsync();
        var notification = Notification.Send(id, UserId.New(), "Notification.Welcome", [], null, database.Clock.GetUtcNow());
        await using (var db = database.CreateFor(id))
        {
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateFor(id);
        await using var second = database.CreateFor(id);
        var firstCopy = await first.Notifications.SingleAsync();
        var secondCopy = await second.Notifications.SingleAsync();
        firstCopy.MarkRead(database.Clock.GetUtcNow());
        secondCopy.MarkRead(database.Clock.GetUtcNow().AddMinutes(1));
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());
        await using var check = database.CreateFor(id);
        var stored = await check.Notifications.SingleAsync();
        stored.Version.ShouldBe(2);
        stored.ReadAt.ShouldBe(database.Clock.GetUtcNow());
    }

    private async Task<TenantId> NewTenantAsync()
    {
        var id = TenantId.New();
        var tenant = Tenant.Create(id, "Tenant " + id.Value.ToString("N")[..8], "t-" + id.Value.ToString("N")[..24], database.Clock.GetUtcNow());
        await using var db = database.CreateSystem();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<long> VersionOf(TenantId id)
    {
        await using var db = database.CreateFor(id);
        return await db.Tenants.Select(t => t.Version).SingleAsync();
    }
}
