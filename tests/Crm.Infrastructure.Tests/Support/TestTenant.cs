using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;

namespace Crm.Infrastructure.Tests.Support;

/// <summary>
/// The tenant of one DI scope, settable like the app's CurrentUser; none until a test sets one
/// (so a fresh scope behaves like <see cref="FixedTenant.None"/>: sign-in and seeding).
/// </summary>
internal sealed class TestTenant : ICurrentTenant
{
    public TenantId? TenantId { get; set; }
}
