using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(CustomerLimits.NameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(CustomerLimits.PhoneMaxLength);
        builder.Property(c => c.PhoneKey).HasMaxLength(CustomerLimits.PhoneMaxLength);
        builder.Property(c => c.ChatId).HasMaxLength(CustomerLimits.ChatIdMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Industry).HasMaxLength(CustomerLimits.IndustryMaxLength);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(4);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Dealer).HasMaxLength(CustomerLimits.DealerMaxLength);
        builder.Property(c => c.PoolReason).HasMaxLength(CustomerLimits.PoolReasonMaxLength);
        builder.PrimitiveCollection(c => c.Tags).HasField("_tags").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);
        builder.Ignore(c => c.IsInPool);
        builder.Ignore(c => c.Profile);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);

        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(c => c.ShopId).OnDelete(DeleteBehavior.Restrict);

        // A customer is loaded whole: its contacts come along (the backing field is found by convention).
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Contacts).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);

        // Its ownership history is part of it too (a handful of rows per customer).
        builder.HasMany(c => c.OwnershipHistory).WithOne().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.OwnershipHistory).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);

        // No duplicates within a tenant (NULLs are distinct in a unique index, on SQLite and PostgreSQL alike).
        builder.HasIndex(c => new { c.TenantId, c.PhoneKey }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.ChatId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.RegionId, c.OwnerId });

        builder.HasIndex(c => new { c.TenantId, c.ShopId });
        builder.HasIndex(c => new { c.TenantId, c.OwnerId });
        builder.HasIndex(c => new { c.TenantId, c.Name });
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("Contacts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(CustomerLimits.ContactNameMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(CustomerLimits.PhoneMaxLength);
        builder.Property(c => c.Title).HasMaxLength(CustomerLimits.ContactTitleMaxLength);
        builder.HasIndex(c => new { c.TenantId, c.CustomerId });
    }
}

internal sealed class CustomerOwnershipChangeConfiguration : IEntityTypeConfiguration<CustomerOwnershipChange>
{
    public void Configure(EntityTypeBuilder<CustomerOwnershipChange> builder)
    {
        builder.ToTable("CustomerOwnershipChanges");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Reason).HasMaxLength(CustomerLimits.PoolReasonMaxLength);
        builder.HasIndex(h => new { h.TenantId, h.CustomerId, h.At });
    }
}
