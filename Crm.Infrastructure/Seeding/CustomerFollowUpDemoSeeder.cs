using Crm.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// Follow-ups of the sixty catalogue customers (not the generated ones, whose staleness is their own), each with one of its contacts or the company as a whole, by
/// the owner, one to six days before seeding (recent: they only ever delay a recycle). Every
/// seventh owned customer has none, so "never followed up" shows too. One for the other company.
/// </summary>
internal sealed class CustomerFollowUpDemoSeeder : IDemoSeeder
{
    private const int Seed = 20261122;

    public int Order => 30;

    private static string[] Notes =>
    [
        "电话回访：托盘使用情况良好，下月有追加需求。",
        "微信沟通了新仓库的货架尺寸，发了1200×1000规格表。",
        "上门拜访仓库，看了破损托盘，建议换成九脚网格款。",
        "询问年度框架协议价格，已转报价。",
        "对方采购在出差，约了下周再联系。",
        "Called the buyer: happy with the last delivery, asked about rackable pallets.",
        "Sent the catalogue of export (IPPC-free) plastic pallets by WeChat.",
        "Visited the warehouse with the dispatcher; measured the forklift entry height.",
    ];

    /// <summary>Fixed ids: demo follow-ups are numbered from 1; the other company's from 1001.</summary>
    internal static CustomerFollowUpId Id(int n) => new(Guid.Parse($"0b1c0000-0000-4000-800c-{n:000000000000}"));

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.Set<CustomerFollowUp>().AnyAsync(cancellationToken))
            {
                var now = DemoClock.Now(context.Clock);
                var random = new Random(Seed);
                var number = 0;
                var catalog = Enumerable.Range(1, DemoIds.CustomerCount).Select(DemoIds.Customer).ToList();
                var customers = await db.Customers.Where(c => catalog.Contains(c.Id) && c.OwnerId != null).ToListAsync(cancellationToken);
                foreach (var (customer, index) in customers.OrderBy(c => c.Name, StringComparer.Ordinal).Select((c, i) => (c, i)))
                {
                    if (index % 7 == 6)
                    {
                        continue;
                    }

                    var contacts = customer.Contacts.ToList();
                    for (var i = random.Next(1, 4); i > 0; i--)
                    {
                        ContactId? contact = contacts.Count > 0 && random.Next(4) > 0 ? contacts[random.Next(contacts.Count)].Id : null;
                        var at = now.AddDays(-random.Next(1, 7)).AddMinutes(-random.Next(0, 600));
                        db.Add(CustomerFollowUp.Record(Id(++number), customer, contact, customer.OwnerId!.Value, at, Notes[random.Next(Notes.Length)], now));
                    }

                    customer.ClearDomainEvents();
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.Set<CustomerFollowUp>().AnyAsync(cancellationToken))
        {
            var customer = await other.Customers.SingleAsync(c => c.Id == CustomerDemoSeeder.OtherCustomerIds[0], cancellationToken);
            var now = DemoClock.Now(context.Clock);
            other.Add(CustomerFollowUp.Record(
                Id(1001), customer, customer.Contacts.FirstOrDefault()?.Id, DemoIds.OtherAdmin, now.AddDays(-2), "Called Alex about the spring order.", now));
            customer.ClearDomainEvents();
            await other.SaveChangesAsync(cancellationToken);
        }
    }
}
