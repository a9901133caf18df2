using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("Tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(OrganizationLimits.NameMaxLength);
        builder.Property(t => t.Code).HasMaxLength(OrganizationLimits.CodeMaxLength);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.Pipeline);
        builder.Property(t => t.CustomPipeline)
            .HasConversion(v => PipelineSettingsJson.Serialize(v!), v => PipelineSettingsJson.Deserialize(v))
            .HasColumnName("PipelineSettings");
        builder.Ignore(t => t.Pool);
        builder.Property(t => t.CustomPool)
            .HasConversion(v => PoolPolicyJson.Serialize(v!), v => PoolPolicyJson.Deserialize(v))
            .HasColumnName("PoolPolicy");
        builder.Ignore(t => t.Sla);
        builder.Property(t => t.CustomSla)
            .HasConversion(v => SlaPolicyJson.Serialize(v!), v => SlaPolicyJson.Deserialize(v))
            .HasColumnName("SlaPolicy");

        builder.HasMany(t => t.Shops).WithOne().HasForeignKey(s => s.TenantId);
        builder.Navigation(t => t.Shops).HasField("_shops").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Teams).WithOne().HasForeignKey(s => s.TenantId);
        builder.Navigation(t => t.Teams).HasField("_teams").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(t => t.Regions).WithOne().HasForeignKey(s => s.TenantId);
        builder.Navigation(t => t.Regions).HasField("_regions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> builder)
    {
        builder.ToTable("Shops");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(OrganizationLimits.NameMaxLength);
        builder.Property(s => s.Code).HasMaxLength(OrganizationLimits.CodeMaxLength);
        builder.Property(s => s.Subsidiary).HasMaxLength(OrganizationLimits.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(s => new { s.TenantId, s.Code }).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("Teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(OrganizationLimits.NameMaxLength);
        builder.HasOne<Shop>().WithMany().HasForeignKey(t => t.ShopId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(OrganizationLimits.NameMaxLength);
        builder.Property(r => r.Code).HasMaxLength(OrganizationLimits.CodeMaxLength);
        builder.HasIndex(r => new { r.TenantId, r.Code }).IsUnique();
    }
}
