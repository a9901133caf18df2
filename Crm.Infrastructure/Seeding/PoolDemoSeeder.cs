using System.Globalization;
using Crm.Domain.Approvals;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// The public pool of the demo company: its pool policy (tier names, North China open to the JD and 1688
/// shops only), the sixty catalog customers followed up recently, and about 940 more customers across
/// tiers, regions and shops — about one in seven in the pool, a few stale (reminders due, a couple past
/// due so the recycle job takes them back at start), and a few pending claims, one competing with the
/// catalog's. Fast: everything is added in one batch and saved once.
/// </summary>
public sealed class PoolDemoSeeder : IDemoSeeder
{
    /// <summary>The demo company ends up with this many customers (the catalog's 60 included).</summary>
    public const int TotalCustomers = 1_000;

    private const int Seed = 20261122;

    public int Order => 40;

    /// <summary>Owned by rep1 (Tmall, East China, tier C), never followed up since it was assigned 28 days ago: due back in the pool in two days.</summary>
    public static CustomerId Rep1AlmostStale => DemoIds.Customer(61);

    /// <summary>Owned by rep1, last followed up 40 days ago (tier C: 30 days): the recycle job takes it back on its first pass.</summary>
    public static CustomerId Rep1Overdue => DemoIds.Customer(62);

    /// <summary>In the pool (East China, 1688 shop, released by the manager), claimed by nobody: what a rep can claim in a test.</summary>
    public static CustomerId FreePoolCustomer => DemoIds.Customer(63);

    /// <summary>rep1's pending claims (from yesterday, so today's cap is untouched): on catalog customer 18 (competing with rep2's) and on 64.</summary>
    public static ApprovalRequestId Rep1ClaimOnCustomer18 => DemoIds.ApprovalRequest(2);

    public static ApprovalRequestId Rep1ClaimOnCustomer64 => DemoIds.ApprovalRequest(3);

    public static PoolPolicy DemoPolicy { get; } = PoolPolicy.Create(
        TierNames.AllTiers.ToDictionary(t => t, t => PoolPolicy.Default.For(t)),
        TierNames.Create(new Dictionary<CustomerTier, string>
        {
            [CustomerTier.A] = "A 战略 Strategic",
            [CustomerTier.B] = "B 重点 Key",
            [CustomerTier.C] = "C 普通 Regular",
            [CustomerTier.D] = "D 潜在 Prospect",
            [CustomerTier.E] = "E 沉睡 Dormant",
        }),
        PoolPolicy.Default.MaxLockedPerRep,
        PoolPolicy.Default.ClaimCooldownDays,
        PoolPolicy.Default.MaxClaimsPerRepPerDay,
        PoolPolicy.Default.FollowUpAfterClaimDays,
        PoolPolicy.Default.DefaultCapacity,
        new Dictionary<RegionId, int> { [DemoIds.EastRegion] = 150, [DemoIds.NorthRegion] = 300 },
        PoolRegionAccess.Create(new Dictionary<RegionId, IReadOnlyCollection<ShopId>> { [DemoIds.NorthRegion] = [DemoIds.JdShop, DemoIds.AlibabaShop] }));

    private static string[] Cities => ["上海", "苏州", "杭州", "宁波", "南京", "无锡", "广州", "深圳", "东莞", "佛山", "厦门", "北京", "天津", "青岛", "济南", "郑州", "武汉", "成都", "重庆", "西安"];

    private static string[] Words => ["恒通", "宏达", "远景", "金源", "瑞丰", "同创", "华盛", "鼎新", "佳美", "永安", "腾飞", "博远", "信达", "安泰", "汇丰", "联合", "泰和", "启航", "长城", "东方"];

    private static (string Suffix, string Industry)[] Trades =>
    [
        ("物流有限公司", "物流 Logistics"), ("仓储有限公司", "仓储 Warehousing"), ("食品有限公司", "食品 Food"),
        ("化工有限公司", "化工 Chemicals"), ("电子商务有限公司", "电商 E-commerce"), ("制造有限公司", "制造 Manufacturing"),
        ("医药有限公司", "医药 Pharmaceuticals"), ("饮料有限公司", "饮料 Beverages"),
    ];

    private static string[] PoolReasons =>
    [
        "客户暂无采购计划 No purchase plans for now", "联系人离职 Contact left the company", "预算冻结至明年 Budget frozen until next year",
        "改用木托盘 Switched to wooden pallets", "合同到期未续约 Contract ended, not renewed",
    ];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await using var db = context.Database.CreateFor(DemoIds.DemoTenant);
        if (await db.Customers.AnyAsync(c => c.Id == Rep1AlmostStale, cancellationToken))
        {
            return;
        }

        var now = DemoClock.Now(context.Clock);
        var random = new Random(Seed);
        var tenant = await db.Tenants.SingleAsync(cancellationToken);
        tenant.ConfigurePool(DemoPolicy, now);
        tenant.ClearDomainEvents();

        // The catalog's owned customers were followed up lately, well inside their tier's days.
        foreach (var customer in await db.Customers.Where(c => c.OwnerId != null).ToListAsync(cancellationToken))
        {
            customer.RecordFollowUp(now.AddDays(-random.Next(0, DemoPolicy.For(customer.Tier).RecycleAfterDays / 2)).AddHours(-random.Next(1, 9)));
        }

        var phones = (await db.Customers.Select(c => c.PhoneKey).ToListAsync(cancellationToken)).OfType<string>().ToHashSet();
        var customers = new List<Customer>(TotalCustomers);
        for (var number = DemoIds.CustomerCount + 1; number <= TotalCustomers; number++)
        {
            customers.Add(Generate(number, now, random, phones));
        }

        foreach (var customer in customers)
        {
            customer.ClearDomainEvents();
        }

        // A thousand new graphs: detect the catalog's changes once, then add without re-scanning everything per call.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Customers.AddRange(customers);
        // Both claims a day or more ago, so they never count towards rep1's claims of today (the daily cap), whatever the hour.
        db.ApprovalRequests.AddRange(
            Claim(Rep1ClaimOnCustomer18, DemoIds.Customer(18), CustomerDemoSeeder.Catalog[17].Name, CustomerDemoSeeder.Catalog[17].Shop,
                "天猫店老客户，去年采购过 2000 片 Bought 2,000 pallets through our Tmall shop last year", now.AddDays(-1).AddHours(-2)),
            Claim(Rep1ClaimOnCustomer64, DemoIds.Customer(64), customers[3].Name, customers[3].ShopId,
                "客户主动来电咨询 The customer called us asking for a quote", now.AddDays(-1)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Customer Generate(int number, DateTimeOffset now, Random random, HashSet<string> phones)
    {
        var (shop, owner) = (number % 5) switch
        {
            0 or 1 => (DemoIds.TmallShop, DemoIds.Rep1),
            2 or 3 => (DemoIds.JdShop, DemoIds.Rep2),
            _ => (DemoIds.AlibabaShop, DemoIds.Manager),
        };
        var region = (number % 3) switch
        {
            0 => DemoIds.EastRegion,
            1 => DemoIds.SouthRegion,
            _ => DemoIds.NorthRegion,
        };
        var tier = (random.Next(100)) switch
        {
            < 8 => CustomerTier.A,
            < 25 => CustomerTier.B,
            < 60 => CustomerTier.C,
            < 85 => CustomerTier.D,
            _ => CustomerTier.E,
        };
        var inPool = number % 7 == 0 || number == FreePoolNumber || number == 64;
        var special = number switch
        {
            61 or 62 => (Shop: DemoIds.TmallShop, Owner: DemoIds.Rep1, Region: DemoIds.EastRegion, Tier: CustomerTier.C),
            63 or 64 => (Shop: DemoIds.AlibabaShop, Owner: DemoIds.Manager, Region: DemoIds.EastRegion, Tier: CustomerTier.B),
            _ => (Shop: shop, Owner: owner, Region: region, Tier: tier),
        };

        // North China is open to the JD and 1688 shops only: its customers are theirs.
        if (special.Region == DemoIds.NorthRegion && special.Shop == DemoIds.TmallShop)
        {
            special = special with { Shop = DemoIds.JdShop, Owner = DemoIds.Rep2 };
        }

        var trade = Trades[random.Next(Trades.Length)];
        var name = string.Create(
            CultureInfo.InvariantCulture, $"{Cities[random.Next(Cities.Length)]}{Words[random.Next(Words.Length)]}{Words[random.Next(Words.Length)]}{trade.Suffix} #{number}");
        var registered = now.AddDays(-random.Next(60, 700));
        var phone = string.Create(CultureInfo.InvariantCulture, $"0{random.Next(20, 999)}-6{number:000} {random.Next(1000, 9999)}");
        var customer = Customer.Register(
            DemoIds.Customer(number), DemoIds.DemoTenant, special.Shop, name, phones.Add(PhoneNumber.Key(phone)!) ? phone : null, number == 61 ? null : special.Owner, registered);
        customer.UpdateProfile(new CustomerProfile(
            number % 11 == 0 ? CustomerKind.Person : CustomerKind.Company,
            trade.Industry,
            special.Region,
            special.Tier,
            Enum.GetValues<SourceChannel>()[number % Enum.GetValues<SourceChannel>().Length],
            number % 4 == 0 ? "华东托盘经销中心 East Pallet Dealers" : number % 9 == 0 ? "南方物流设备经销 South Logistics Dealers" : null,
            number % 6 == 0 ? ["重点 key account"] : number % 10 == 0 ? ["回头客 repeat"] : [],
            number % 11 == 0 ? new DateOnly(1970 + (number % 30), 1 + (number % 12), 1 + (number % 28)) : null));
        if (number % 3 == 0)
        {
            customer.ChangeChatId(string.Create(CultureInfo.InvariantCulture, $"wx_huayu_{number}"));
        }

        customer.AddContact(
            DemoIds.Contact(2000 + number),
            string.Create(CultureInfo.InvariantCulture, $"{"王李张刘陈杨赵黄周吴"[number % 10]}{"经理先生女士总工"[(number / 10) % 7]}"),
            string.Create(CultureInfo.InvariantCulture, $"13{number % 10} {number:0000} {random.Next(1000, 9999)}"),
            "采购 Purchasing");

        var tierDays = DemoPolicy.For(customer.Tier).RecycleAfterDays;
        if (inPool)
        {
            // 63 and 64 went into the pool last, so they head the pool's list (newest first).
            var pooledAt = number is 63 or 64 ? now.AddHours(-(number - 62)) : now.AddDays(-random.Next(1, 60)).AddHours(-random.Next(0, 23));
            customer.ReturnToPool(special.Owner, OwnershipChangeKind.Released, PoolReasons[number % PoolReasons.Length], pooledAt);
        }
        else if (number == 61)
        {
            customer.AssignTo(DemoIds.Rep1, DemoIds.Manager, OwnershipChangeKind.Assigned, now.AddDays(-(tierDays - 2)));
        }
        else if (number == 62)
        {
            customer.RecordFollowUp(now.AddDays(-(tierDays + 10)));
        }
        else if (number % 97 == 0)
        {
            // A few stale ones: the owner's reminder is due (inside the reminder window, not yet recycled).
            customer.RecordFollowUp(now.AddDays(-(tierDays - 1)));
        }
        else
        {
            customer.RecordFollowUp(now.AddDays(-random.Next(0, Math.Max(1, tierDays / 2))).AddHours(-random.Next(1, 9)));
        }

        return customer;
    }

    private static int FreePoolNumber => 63;

    private static ApprovalRequest Claim(ApprovalRequestId id, CustomerId customer, string name, ShopId shop, string reason, DateTimeOffset at)
    {
        var request = ApprovalRequest.Submit(
            id, DemoIds.DemoTenant, shop, ApprovalKind.PoolClaim, ApprovalSubject.Create("Customer", customer.Value, name), DemoIds.Rep1, reason, at);
        request.ClearDomainEvents();
        return request;
    }
}
