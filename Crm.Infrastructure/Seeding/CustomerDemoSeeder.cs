using System.Globalization;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// Sixty pallet buyers of Huayu Pallets (logistics, warehousing, food, chemicals, e-commerce and a
/// few manufacturers), each with one to three contacts. Tmall customers belong to rep1, JD
/// customers to rep2, 1688 wholesale customers to the manager; six sit in the public pool.
/// Two customers of the other company prove isolation.
/// </summary>
internal sealed class CustomerDemoSeeder : IDemoSeeder
{
    private const int Seed = 20261110;

    public int Order => 10;

    /// <summary>The demo customers by number (1-based): name, shop and owner (null = public pool).</summary>
    internal static IReadOnlyList<DemoCustomer> Catalog { get; } = [.. Names.Select((name, i) => Describe(i + 1, name))];

    private static string[] Names =>
    [
        "上海顺达物流有限公司", "苏州华通物流有限公司", "杭州速运供应链管理有限公司", "南京远航物流有限公司",
        "广州粤通物流有限公司", "深圳鹏程供应链有限公司", "天津港恒物流有限公司", "成都蓉欧物流有限公司",
        "武汉九州通达物流有限公司", "青岛海联国际物流有限公司", "厦门嘉航物流有限公司", "郑州中原快运有限公司",
        "昆山恒泰仓储有限公司", "无锡金盛仓储服务有限公司", "嘉兴安达仓储有限公司", "东莞宏基仓储物流有限公司",
        "北京京南仓储有限公司", "重庆渝新仓储有限公司", "合肥长江仓储有限公司", "佛山顺德冷链仓储有限公司",
        "杭州鲜丰食品有限公司", "上海味达食品有限公司", "福建闽味食品有限公司", "山东鲁香食品有限公司",
        "河南麦香食品有限公司", "广东南岭乳业有限公司", "内蒙古草原牧歌乳业有限公司", "四川川味调味品有限公司",
        "湖南湘厨食品有限公司", "江苏苏禾粮油有限公司", "宁波港联化工有限公司", "南通江海化工有限公司",
        "常州新材化工有限公司", "淄博齐鲁精细化工有限公司", "惠州大亚湾石化物流有限公司", "泉州泉港化工有限公司",
        "镇江金港化学有限公司", "天津滨海新材料有限公司", "广州优品电子商务有限公司", "杭州云仓电子商务有限公司",
        "深圳好物电子商务有限公司", "义乌易购电子商务有限公司", "上海悦购网络科技有限公司", "北京快选电子商务有限公司",
        "成都蜀品电子商务有限公司", "金华优选网络科技有限公司", "青岛啤泉饮料有限公司", "杭州清泉饮用水有限公司",
        "苏州康泰医药物流有限公司", "上海济民医药配送有限公司", "长春北方汽车零部件有限公司", "芜湖江南汽车配件有限公司",
        "宁波甬兴家电有限公司", "佛山美家电器有限公司", "温州瓯江鞋业有限公司", "绍兴柯桥纺织印染有限公司",
        "台州黄岩日用品有限公司", "扬州润扬建材有限公司", "济南泉城饮料有限公司", "昆明云岭茶业有限公司",
    ];

    private static string[] Surnames => ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];

    private static string[] GivenNames => ["建国", "丽娟", "伟", "芳", "磊", "静", "强", "敏", "军", "洁", "涛", "婷", "鹏", "霞", "超", "燕", "海峰", "晓东", "雪梅", "志刚"];

    private static string[] Titles => ["采购经理", "仓储主管", "物流总监", "总经理", "采购专员", "运营经理", "供应链总监", "财务经理", "仓库经理", "副总经理"];

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.Customers.AnyAsync(c => c.Id == DemoIds.Customer(1), cancellationToken))
            {
                var now = DemoClock.Now(context.Clock);
                var random = new Random(Seed);
                var contactNumber = 0;
                var phones = new HashSet<string>();
                foreach (var demo in Catalog)
                {
                    string phone;
                    do
                    {
                        phone = Landline(random);
                    }
                    while (!phones.Add(PhoneNumber.Key(phone)!));

                    var registered = now.AddDays(-random.Next(120, 400));
                    var customer = Customer.Register(
                        DemoIds.Customer(demo.Number), DemoIds.DemoTenant, demo.Shop, demo.Name, phone, demo.Owner ?? demo.FormerOwner, registered);
                    customer.UpdateProfile(demo.Profile);
                    if (demo.Owner is null)
                    {
                        customer.ReturnToPool(demo.FormerOwner, OwnershipChangeKind.Released, "客户暂无采购计划 No purchase plans for now", registered.AddDays(30));
                    }
                    var contacts = random.Next(1, 4);
                    for (var c = 0; c < contacts; c++)
                    {
                        customer.AddContact(
                            DemoIds.Contact(++contactNumber),
                            Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)],
                            Mobile(random),
                            Titles[random.Next(Titles.Length)]);
                    }

                    customer.ClearDomainEvents();
                    db.Customers.Add(customer);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.Customers.AnyAsync(c => c.Id == OtherCustomerIds[0], cancellationToken))
        {
            var now = DemoClock.Now(context.Clock);
            var first = Customer.Register(OtherCustomerIds[0], DemoIds.OtherTenant, DemoIds.OtherShop, "Other Trading Client A", "021-5555 0101", DemoIds.OtherAdmin, now.AddDays(-30));
            first.AddContact(DemoIds.Contact(1001), "Alex Other", null, "Buyer");
            var second = Customer.Register(OtherCustomerIds[1], DemoIds.OtherTenant, DemoIds.OtherShop, "Other Trading Client B", null, null, now.AddDays(-20));
            first.ClearDomainEvents();
            second.ClearDomainEvents();
            other.Customers.AddRange(first, second);
            await other.SaveChangesAsync(cancellationToken);
        }
    }

    internal static IReadOnlyList<CustomerId> OtherCustomerIds { get; } = [DemoIds.Customer(1001), DemoIds.Customer(1002)];

    /// <summary>Tmall, Tmall, JD, JD, 1688 in turn; every ninth one (9, 18, …, 54) in the public pool.</summary>
    private static DemoCustomer Describe(int number, string name)
    {
        var (shop, owner) = ((number - 1) % 5) switch
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
        var profile = new CustomerProfile(
            CustomerKind.Company,
            Industry(number),
            region,
            TierNames.AllTiers[(number * 7) % TierNames.AllTiers.Count],
            Sources[number % Sources.Length],
            number % 4 == 0 ? "华东托盘经销中心 East Pallet Dealers" : null,
            number % 6 == 0 ? ["重点 key account"] : [],
            null);
        return new DemoCustomer(number, name, shop, number % 9 == 0 ? null : owner, profile, owner);
    }

    private static SourceChannel[] Sources => [SourceChannel.OnlineShopInquiry, SourceChannel.Website, SourceChannel.TradeShow, SourceChannel.Referral, SourceChannel.Phone];

    /// <summary>The catalog is grouped by trade: logistics, warehousing, food, chemicals, e-commerce, then manufacturers.</summary>
    private static string Industry(int number) => number switch
    {
        <= 12 => "物流 Logistics",
        <= 20 => "仓储 Warehousing",
        <= 30 => "食品 Food",
        <= 38 => "化工 Chemicals",
        <= 46 => "电商 E-commerce",
        _ => "制造 Manufacturing",
    };

    private static string Landline(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"0{random.Next(20, 999)}-{random.Next(1000, 9999)} {random.Next(1000, 9999)}");

    private static string Mobile(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"1{random.Next(30, 99)} {random.Next(1000, 9999)} {random.Next(1000, 9999)}");
}

/// <summary>A demo customer; <paramref name="FormerOwner"/> is who held it before it went into the pool (or its owner).</summary>
internal sealed record DemoCustomer(int Number, string Name, ShopId Shop, UserId? Owner, CustomerProfile Profile, UserId FormerOwner);

/// <summary>Demo times are relative to the clock at seeding, on whole minutes.</summary>
internal static class DemoClock
{
    public static DateTimeOffset Now(TimeProvider clock) => Minute(clock.GetUtcNow());

    public static DateTimeOffset Minute(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
