using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Customers;

/// <summary>The customer's profile, pool state and ownership history survive a round trip; the database refuses duplicates.</summary>
public sealed class CustomerPersistenceTests(TwoTenantDatabase database) : IClassFixture<TwoTenantDatabase>
{
    private static readonly TenantId Demo = DemoIds.DemoTenant;

    [Fact]
    public async Task ProfilePoolStateAndHistory_RoundTrip()
    {
        var id = CustomerId.New();
        var now = database.Clock.GetUtcNow();
        await using (var db = database.CreateFor(Demo))
        {
            var customer = Customer.Register(id, Demo, DemoIds.TmallShop, "苏州测试托盘用户", "+86 139 1111 2222", DemoIds.Rep1, now);
            customer.UpdateProfile(new CustomerProfile(
                CustomerKind.Person, "零售 Retail", DemoIds.EastRegion, CustomerTier.B, Domain.Opportunities.SourceChannel.Referral, "经销商甲", ["VIP", "冷链"],
                new DateOnly(1985, 3, 8)));
            customer.ChangeChatId("Test_Chat_1");
            customer.RecordFollowUp(now.AddHours(1));
            customer.ReturnToPool(DemoIds.Rep1, OwnershipChangeKind.Released, "Moved abroad", now.AddHours(2));
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateFor(Demo);
        var stored = await check.Customers.SingleAsync(c => c.Id == id);
        stored.Profile.Tags.ShouldBe(["VIP", "冷链"]);
        (stored.Kind, stored.Tier, stored.RegionId, stored.Birthday).ShouldBe((CustomerKind.Person, CustomerTier.B, (RegionId?)DemoIds.EastRegion, (DateOnly?)new DateOnly(1985, 3, 8)));
        (stored.PhoneKey, stored.ChatId).ShouldBe(("13911112222", "test_chat_1"));
        (stored.OwnerId, stored.FormerOwnerId, stored.PoolReason).ShouldBe(((UserId?)null, (UserId?)DemoIds.Rep1, "Moved abroad"));
        stored.OwnershipHistory.Select(h => h.Kind).ShouldBe([OwnershipChangeKind.Registered, OwnershipChangeKind.Released]);
        stored.LastFollowUpAt.ShouldBe(now.AddHours(1));
    }

    [Fact]
    public async Task TheSamePhoneTwiceInOneTenant_IsRefusedByTheDatabase()
    {
        var now = database.Clock.GetUtcNow();
        await using (var db = database.CreateFor(Demo))
        {
            db.Customers.Add(Customer.Register(CustomerId.New(), Demo, DemoIds.TmallShop, "First", "138 2222 3333", DemoIds.Rep1, now));
            await db.SaveChangesAsync();
        }

        await using var second = database.CreateFor(Demo);
        second.Customers.Add(Customer.Register(CustomerId.New(), Demo, DemoIds.JdShop, "Second", "+86 13822223333", DemoIds.Rep2, now));
        await Should.ThrowAsync<DbUpdateException>(async () => await second.SaveChangesAsync());
    }

    [Fact]
    public async Task TheSamePhoneInAnotherTenant_IsAnotherCustomer()
    {
        var now = database.Clock.GetUtcNow();
        await using (var db = database.CreateFor(Demo))
        {
            db.Customers.Add(Customer.Register(CustomerId.New(), Demo, DemoIds.TmallShop, "Demo side", "138 4444 5555", DemoIds.Rep1, now));
            await db.SaveChangesAsync();
        }

        await using var other = database.CreateFor(DemoIds.OtherTenant);
        other.Customers.Add(Customer.Register(CustomerId.New(), DemoIds.OtherTenant, DemoIds.OtherShop, "Other side", "138 4444 5555", null, now));
        await Should.NotThrowAsync(async () => await other.SaveChangesAsync());
    }

    [Fact]
    public async Task APoolPolicy_RoundTripsThroughTheTenant()
    {
        var policy = PoolPolicy.Create(
            TierNames.AllTiers.ToDictionary(t => t, _ => TierPolicy.Create(40, 6, 2)),
            TierNames.Create(TierNames.AllTiers.ToDictionary(t => t, t => "级别" + t)),
            maxLockedPerRep: 4, claimCooldownDays: 10, maxClaimsPerRepPerDay: 2, followUpAfterClaimDays: 5, defaultCapacity: 80,
            new Dictionary<RegionId, int> { [DemoIds.NorthRegion] = 50 });
        await using (var db = database.CreateFor(DemoIds.OtherTenant))
        {
            var tenant = await db.Tenants.SingleAsync();
            tenant.ConfigurePool(policy, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateFor(DemoIds.OtherTenant);
        (await Crm.Infrastructure.Persistence.TenantSettings.PoolAsync(check)).ShouldBe(policy);
        await using var demo = database.CreateFor(Demo);
        (await Crm.Infrastructure.Persistence.TenantSettings.PoolAsync(demo)).ShouldBe(PoolDemoSeeder.DemoPolicy, "the demo company has its own, North China open to two shops only");
    }

    [Fact]
    public async Task ServiceLevelHours_RoundTripThroughTheTenant_AndStayTheCompanysOwn()
    {
        var sla = Domain.Service.SlaPolicy.Create(2, 12, 36, 120);
        await using (var db = database.CreateFor(DemoIds.OtherTenant))
        {
            var tenant = await db.Tenants.SingleAsync();
            tenant.ConfigureSla(sla, database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateFor(DemoIds.OtherTenant);
        (await Crm.Infrastructure.Persistence.TenantSettings.SlaAsync(check)).ShouldBe(sla);
        await using var demo = database.CreateFor(Demo);
        (await Crm.Infrastructure.Persistence.TenantSettings.SlaAsync(demo)).ShouldBe(Domain.Service.SlaPolicy.Default, "the demo company keeps the defaults");
    }

    [Fact]
    public async Task TheDemoCustomers_HaveRegionsTiersAndUniquePhones()
    {
        await using var db = database.CreateFor(Demo);
        var customers = await db.Customers.AsNoTracking().Where(c => c.Name != "").ToListAsync();
        var demo = customers.Where(c => c.Id.Value.ToString().StartsWith("0b1c0000-0000-4000-8005", StringComparison.Ordinal)).ToList();

        demo.Count.ShouldBe(PoolDemoSeeder.TotalCustomers);
        demo.ShouldAllBe(c => c.RegionId != null && c.PhoneKey != null);
        demo.Select(c => c.Tier).Distinct().Count().ShouldBe(5);
        demo.Where(c => c.IsInPool).ShouldAllBe(c => c.PoolReason != null && c.OwnershipHistory.Count == 2);
    }
}
