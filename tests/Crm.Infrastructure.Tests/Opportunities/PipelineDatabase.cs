using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Opportunities;

/// <summary>
/// A throwaway database of the provider under test, with the schema made by EnsureCreated (only here, to prove the mapping
/// before the migration exists), holding one tenant with one shop and one customer with a contact.
/// </summary>
public sealed class PipelineDatabase : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly TenantId Tenant = new(Guid.Parse("1f000000-0000-4000-8000-000000000001"));
    public static readonly TenantId OtherTenant = new(Guid.Parse("1f000000-0000-4000-8000-000000000002"));
    public static readonly ShopId Shop = new(Guid.Parse("1f000000-0000-4000-8000-000000000003"));
    public static readonly CustomerId Customer = new(Guid.Parse("1f000000-0000-4000-8000-000000000004"));
    public static readonly ContactId Contact = new(Guid.Parse("1f000000-0000-4000-8000-000000000005"));
    public static readonly UserId Rep = new(Guid.Parse("1f000000-0000-4000-8000-000000000006"));
    public static readonly UserId Manager = new(Guid.Parse("1f000000-0000-4000-8000-000000000007"));

    private readonly ScratchDatabase _scratch = new("crm-pipeline");

    public PipelineDatabase()
    {
        Model = _scratch.CreateModel();

        using (var system = Model.CreateSystem())
        {
            system.Database.EnsureCreated();
            var tenant = Domain.Organization.Tenant.Create(Tenant, "Huayu Pallets", "huayu", Now);
            tenant.OpenShop(Shop, "Tmall Flagship", "tmall", ShopKind.OnlineStore, "Huayu Plastics", Now);
            tenant.ClearDomainEvents();
            system.Tenants.Add(tenant);
            var other = Domain.Organization.Tenant.Create(OtherTenant, "Other Trading", "other", Now);
            other.ClearDomainEvents();
            system.Tenants.Add(other);
            system.SaveChanges();
        }

        using var db = Model.CreateFor(Tenant);
        var customer = Domain.Customers.Customer.Register(Customer, Tenant, Shop, "上海顺达物流有限公司", "021-5566 7788", Rep, Now);
        customer.AddContact(Contact, "王建国", "139 1234 5678", "采购经理");
        customer.ClearDomainEvents();
        db.Customers.Add(customer);
        db.SaveChanges();
    }

    public DatabaseModel Model { get; }

    public CrmDbContext Context() => Model.CreateFor(Tenant);

    public void Dispose()
    {
        _scratch.Drop();
    }
}
