using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Builders;

/// <summary>A valid tenant with the shops asked for, events cleared so that tests see only their own.</summary>
internal sealed class TenantBuilder
{
    private readonly List<(ShopId Id, string Code)> _shops = [];
    private TenantId _id = TenantId.New();
    private string _name = "Huayu Pallets";
    private string _code = "huayu";

    public TenantBuilder WithId(TenantId id)
    {
        _id = id;
        return this;
    }

    public TenantBuilder Named(string name, string code)
    {
        _name = name;
        _code = code;
        return this;
    }

    public TenantBuilder WithShop(ShopId id, string code)
    {
        _shops.Add((id, code));
        return this;
    }

    public Tenant Build()
    {
        var tenant = Tenant.Create(_id, _name, _code, Moments.Now);
        foreach (var (id, code) in _shops)
        {
            tenant.OpenShop(id, "Shop " + code, code, ShopKind.OnlineStore, "Huayu Plastics (Suzhou)", Moments.Now);
        }

        tenant.ClearDomainEvents();
        return tenant;
    }
}
