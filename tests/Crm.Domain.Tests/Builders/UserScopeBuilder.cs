using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Builders;

internal sealed class UserScopeBuilder
{
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<ShopId> _shops = [];
    private TenantId _tenant = TenantId.New();
    private UserId _user = UserId.New();
    private bool _headOffice;

    public UserScopeBuilder InRole(string role)
    {
        _roles.Add(role);
        return this;
    }

    public UserScopeBuilder InShops(params ShopId[] shops)
    {
        _shops.UnionWith(shops);
        return this;
    }

    public UserScopeBuilder AtHeadOffice()
    {
        _headOffice = true;
        return this;
    }

    public UserScopeBuilder As(UserId user)
    {
        _user = user;
        return this;
    }

    public UserScopeBuilder OfTenant(TenantId tenant)
    {
        _tenant = tenant;
        return this;
    }

    public UserScope Build() => new(_tenant, _user, _roles, _shops, _headOffice);
}
