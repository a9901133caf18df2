using System.Globalization;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>Fixed ids of the demo leads, so that tests and links can name them.</summary>
public static class DemoLeads
{
    /// <summary>Demo leads are numbered 1..<see cref="Count"/>; the other company's from 1001.</summary>
    public const int Count = 48;

    /// <summary>In the lead pool of the Tmall shop.</summary>
    public static readonly LeadId TmallPool = Lead(1);

    /// <summary>rep1's, Pending (no follow-up yet).</summary>
    public static readonly LeadId Rep1Pending = Lead(13);

    /// <summary>rep1's, Following up.</summary>
    public static readonly LeadId Rep1FollowingUp = Lead(21);

    /// <summary>rep1's, Invalid (does not answer).</summary>
    public static readonly LeadId Rep1Invalid = Lead(35);

    /// <summary>Voided (a duplicate).</summary>
    public static readonly LeadId Voided = Lead(41);

    /// <summary>rep2's, Following up.</summary>
    public static readonly LeadId Rep2FollowingUp = Lead(28);

    public static LeadId Lead(int n) => new(Guid.Parse($"0b1c0000-0000-4000-8020-{n:000000000000}"));

    /// <summary>Demo lead phones use the 170 0000 prefix, which no demo customer or contact has.</summary>
    public static string Phone(int n) => string.Create(CultureInfo.InvariantCulture, $"170 0000 {n:0000}");
}

/// <summary>
/// Leads of Huayu Pallets in every status: the lead pool of each shop, rep1's (Tmall) and rep2's (JD)
/// pending and followed-up leads, two converted into existing demo customers, some invalid and a
/// few voided. Two leads of the other company prove isolation.
/// </summary>
internal sealed class LeadDemoSeeder : IDemoSeeder
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];

    private static readonly string[] GivenNames = ["志强", "秀英", "建华", "丽", "俊", "晓燕", "国庆", "海燕", "文", "春梅", "永刚", "佳"];

    private static readonly string[] Companies =
    [
        "嘉定永盛物流", "余杭顺丰仓配", "萧山冷链食品", "宝山港务仓储", "江宁电商仓", "顺德家电配送", "黄岛化工贸易", "龙岗跨境电商",
        "义乌小商品物流", "青浦快消品仓", "武进塑料制品", "滨江医药配送",
    ];

    private static readonly string[] Results =
    [
        "报了价，客户下周回复", "寄了样品托盘", "微信发了产品目录", "约了下周三上门", "需要 1200×1000 九脚托盘报价", "在比较两家供应商",
    ];

    public int Order => 30;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.Leads.AnyAsync(l => l.Id == DemoLeads.Lead(1), cancellationToken))
            {
                var now = DemoClock.Now(context.Clock);
                var converted = new[] { DemoIds.Customer(1), DemoIds.Customer(3) };
                var contacts = (await db.Contacts.AsNoTracking().Where(c => converted.Contains(c.CustomerId)).ToListAsync(cancellationToken))
                    .GroupBy(c => c.CustomerId)
                    .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Name, StringComparer.Ordinal).First().Id);
                for (var n = 1; n <= DemoLeads.Count; n++)
                {
                    db.Leads.Add(Build(n, now, contacts));
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.Leads.AnyAsync(l => l.Id == DemoLeads.Lead(1001), cancellationToken))
        {
            var now = DemoClock.Now(context.Clock);
            var pool = Lead.Capture(DemoLeads.Lead(1001), DemoIds.OtherTenant, DemoIds.OtherShop, "Pat Other", "Other Prospect Ltd", "+1 555 0100", null, SourceChannel.Website, now.AddDays(-3));
            var held = Lead.CreateFor(DemoIds.OtherAdmin, DemoLeads.Lead(1002), DemoIds.OtherTenant, DemoIds.OtherShop, "Sam Other", null, "+1 555 0101", "sam-other", SourceChannel.Referral, now.AddDays(-2));
            held.RecordFollowUp("Called, interested.", DemoIds.OtherAdmin, now.AddDays(-1));
            pool.ClearDomainEvents();
            held.ClearDomainEvents();
            other.Leads.AddRange(pool, held);
            await other.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// 1–12 the pool (Tmall, JD, 1688 in turn); 13–18 Pending (rep1, rep2 in turn); 19–30 Following up;
    /// 31–32 Converted; 33–38 Invalid; 39–44 Voided; 45–48 Pending again, fresh from the pool.
    /// </summary>
    private static Lead Build(int n, DateTimeOffset now, Dictionary<CustomerId, ContactId> contacts)
    {
        var created = now.AddDays(-(n % 20) - 3).AddHours(-n);
        var rep = n % 2 == 1 ? DemoIds.Rep1 : DemoIds.Rep2;
        var shop = n <= 12 ? ((n - 1) % 3) switch { 0 => DemoIds.TmallShop, 1 => DemoIds.JdShop, _ => DemoIds.AlibabaShop }
            : rep == DemoIds.Rep1 ? DemoIds.TmallShop : DemoIds.JdShop;
        var name = Surnames[n % Surnames.Length] + GivenNames[(n * 7) % GivenNames.Length];
        var company = n % 3 == 0 ? null : Companies[n % Companies.Length] + "有限公司";
        var source = (SourceChannel)(n % 5);
        var chat = n % 4 == 0 ? string.Create(CultureInfo.InvariantCulture, $"wx_demo_{n:000}") : null;
        var lead = Lead.Capture(DemoLeads.Lead(n), DemoIds.DemoTenant, shop, name, company, DemoLeads.Phone(n), chat, source, created);
        if (n > 12)
        {
            lead.AssignTo(rep, DemoIds.Manager, created.AddHours(2));
        }

        if (n is >= 19 and <= 38)
        {
            lead.RecordFollowUp(Results[n % Results.Length], rep, created.AddDays(1));
        }

        if (n is 31 or 32)
        {
            // Converted into existing demo customers (their first contact), as the rep closed them.
            var customer = DemoIds.Customer(n == 31 ? 1 : 3);
            lead.Convert(customer, contacts[customer], null, rep, created.AddDays(2));
        }
        else if (n is >= 33 and <= 38)
        {
            lead.MarkInvalid("电话一直无人接听", rep, created.AddDays(2));
        }
        else if (n is >= 39 and <= 44)
        {
            lead.Void(n % 2 == 0 ? "重复线索" : "测试数据", DemoIds.Manager, created.AddDays(1));
        }

        lead.ClearDomainEvents();
        return lead;
    }
}
