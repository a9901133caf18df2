using Crm.Domain.Organization;

namespace Crm.Infrastructure.Persistence;

/// <summary>The tenant whose data an operation may touch. Null before sign-in and in system work.</summary>
public interface ICurrentTenant
{
    TenantId? TenantId { get; }
}

/// <summary>A fixed tenant (or none): for jobs, seeding and tests.</summary>
public sealed class FixedTenant(TenantId? tenantId) : ICurrentTenant
{
    public static FixedTenant None { get; } = new(null);

    public TenantId? TenantId { get; } = tenantId;
}
