using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>Follow-ups are history of their own table: the customer is not loaded with them, nor they with it.</summary>
internal sealed class CustomerFollowUpConfiguration : IEntityTypeConfiguration<CustomerFollowUp>
{
    public void Configure(EntityTypeBuilder<CustomerFollowUp> builder)
    {
        builder.ToTable("CustomerFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Note).HasMaxLength(CustomerLimits.FollowUpNoteMaxLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(f => f.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Contact>().WithMany().HasForeignKey(f => f.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(f => new { f.TenantId, f.CustomerId, f.At });
    }
}
