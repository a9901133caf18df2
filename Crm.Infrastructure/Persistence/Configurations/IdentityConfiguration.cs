using Crm.Domain.Organization;
using Crm.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

internal sealed class CrmUserConfiguration : IEntityTypeConfiguration<CrmUser>
{
    public void Configure(EntityTypeBuilder<CrmUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(OrganizationLimits.DisplayNameMaxLength);
        builder.Property(u => u.Culture).HasMaxLength(16);
        builder.Property(u => u.DailyCapacity).HasDefaultValue(Domain.Service.TechnicianCapacity.DefaultDailyCapacity).HasSentinel(-1);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.TenantId);
    }
}

internal sealed class UserShopMembershipConfiguration : IEntityTypeConfiguration<UserShopMembership>
{
    public void Configure(EntityTypeBuilder<UserShopMembership> builder)
    {
        builder.ToTable("UserShops");
        builder.HasKey(m => new { m.UserId, m.ShopId });
        builder.HasOne<CrmUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Shop>().WithMany().HasForeignKey(m => m.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.TenantId, m.ShopId });
    }
}
