using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Customers;

namespace Crm.Web.Tests.Support;

/// <summary>What the customer form sends, for a company of the Tmall shop unless told otherwise.</summary>
public static class CustomerInputs
{
    public static CustomerInput Company(
        string name, string? phone = null, string? chatId = null, IEnumerable<string>? tags = null, ShopId? shop = null, Guid? owner = null) =>
        new(
            CustomerKind.Company, name, phone, chatId, "物流", DemoIds.EastRegion.Value, (shop ?? DemoIds.TmallShop).Value, CustomerTier.C, SourceChannel.TradeShow, null,
            [.. tags ?? []], null, owner, null);
}
