using Crm.Domain.Customers;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Customers;

internal sealed class CustomerBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly TenantId Tenant = new(Guid.Parse("c0000000-0000-4000-8000-000000000001"));
    public static readonly ShopId Shop = new(Guid.Parse("c0000000-0000-4000-8000-000000000002"));
    public static readonly UserId Rep = new(Guid.Parse("c0000000-0000-4000-8000-000000000003"));

    private string _name = "上海顺达物流有限公司";
    private string? _phone = "021-5566 7788";
    private UserId? _owner = Rep;

    public CustomerBuilder WithName(string name)
    {
        _name = name;
        return this;
    }

    public CustomerBuilder WithPhone(string? phone)
    {
        _phone = phone;
        return this;
    }

    public CustomerBuilder InPool()
    {
        _owner = null;
        return this;
    }

    public Customer Build()
    {
        var customer = Customer.Register(CustomerId.New(), Tenant, Shop, _name, _phone, _owner, Now);
        customer.ClearDomainEvents();
        return customer;
    }
}
