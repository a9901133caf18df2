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
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.DomainEvents);

        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(c => c.ShopId).OnDelete(DeleteBehavior.Restrict);

        // A customer is loaded whole: its contacts come along (the backing field is found by convention).
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Contacts).AutoInclude().UsePropertyAccessMode(PropertyAccessMode.Field);

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
