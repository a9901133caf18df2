using System.Collections.Immutable;
using Crm.Domain.Organization;

namespace Crm.Web.Features.Shell;

public sealed record ToggleDarkModeAction;

public sealed record ToggleDrawerAction;

public sealed record LoadShopsAction;

public sealed record LoadShopsSucceededAction(ImmutableList<ShopOption> Shops);

public sealed record SelectShopAction(ShopId? ShopId);
