using Crm.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Opportunities;

public sealed class CustomerMappingTests : IDisposable
{
    private readonly PipelineDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task WhenLoaded_ComesWithItsContacts()
    {
        await using var db = _database.Context();

        var customer = await db.Customers.SingleAsync(c => c.Id == PipelineDatabase.Customer);

        customer.Name.ShouldBe("上海顺达物流有限公司");
        customer.Phone.ShouldBe("021-5566 7788");
        customer.OwnerId.ShouldBe(PipelineDatabase.Rep);
        customer.CreatedAt.ShouldBe(PipelineDatabase.Now);
        customer.Version.ShouldBe(1);
        var contact = customer.Contacts.ShouldHaveSingleItem();
        contact.Id.ShouldBe(PipelineDatabase.Contact);
        contact.Name.ShouldBe("王建国");
        contact.Title.ShouldBe("采购经理");
        contact.TenantId.ShouldBe(PipelineDatabase.Tenant);
    }

    [Fact]
    public async Task WhenAContactIsAddedToALoadedCustomer_SavesItAndBumpsVersion()
    {
        await using (var db = _database.Context())
        {
            var customer = await db.Customers.SingleAsync(c => c.Id == PipelineDatabase.Customer);
            customer.AddContact(ContactId.New(), "李娜", null, "仓库主管");
            await db.SaveChangesAsync();
        }

        await using var fresh = _database.Context();
        var loaded = await fresh.Customers.SingleAsync(c => c.Id == PipelineDatabase.Customer);
        loaded.Contacts.Count.ShouldBe(2);
        loaded.Version.ShouldBe(2);
        (await fresh.Contacts.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task WhenInThePool_KeepsNoOwner()
    {
        var id = CustomerId.New();
        await using (var db = _database.Context())
        {
            db.Customers.Add(Customer.Register(id, PipelineDatabase.Tenant, PipelineDatabase.Shop, "宁波港联冷链", null, null, PipelineDatabase.Now));
            await db.SaveChangesAsync();
        }

        await using var fresh = _database.Context();
        (await fresh.Customers.SingleAsync(c => c.Id == id)).OwnerId.ShouldBeNull();
        (await fresh.Customers.CountAsync(c => c.OwnerId == null)).ShouldBe(1);
    }
}
