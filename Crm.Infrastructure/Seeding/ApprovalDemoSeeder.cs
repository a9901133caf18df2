using Crm.Domain.Approvals;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>
/// A pending pool claim in each company: rep2 asks for pool customer 18 (demo), the other company's
/// admin for its pool customer (isolation tests).
/// </summary>
internal sealed class ApprovalDemoSeeder : IDemoSeeder
{
    public int Order => 30;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var now = DemoClock.Now(context.Clock);
        await using (var db = context.Database.CreateFor(DemoIds.DemoTenant))
        {
            if (!await db.ApprovalRequests.AnyAsync(r => r.Id == DemoIds.Rep2PendingClaim, cancellationToken))
            {
                var customer = CustomerDemoSeeder.Catalog[17];
                db.ApprovalRequests.Add(Claim(
                    DemoIds.Rep2PendingClaim, DemoIds.DemoTenant, customer.Shop, customer.Number, customer.Name, DemoIds.Rep2,
                    "客户上月在京东店询价，想跟进 Asked for a quote in our JD shop last month", now.AddHours(-5)));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await using var other = context.Database.CreateFor(DemoIds.OtherTenant);
        if (!await other.ApprovalRequests.AnyAsync(r => r.Id == DemoIds.OtherTenantRequest, cancellationToken))
        {
            other.ApprovalRequests.Add(Claim(
                DemoIds.OtherTenantRequest, DemoIds.OtherTenant, DemoIds.OtherShop, 1002, "Other Trading Client B", DemoIds.OtherAdmin,
                "Wants to reorder", now.AddHours(-2)));
            await other.SaveChangesAsync(cancellationToken);
        }
    }

    private static ApprovalRequest Claim(
        ApprovalRequestId id, Domain.Organization.TenantId tenant, Domain.Organization.ShopId shop, int customerNumber, string customerName,
        Domain.Organization.UserId requester, string reason, DateTimeOffset at)
    {
        var request = ApprovalRequest.Submit(
            id, tenant, shop, ApprovalKind.PoolClaim, ApprovalSubject.Create("Customer", DemoIds.Customer(customerNumber).Value, customerName),
            requester, reason, at);
        request.ClearDomainEvents();
        return request;
    }
}
