using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>
/// Leads with their status history as an owned child table (loaded with the lead). Statuses and
/// sources are stored as text. The indexes serve the leads list: one tenant's leads by status
/// (the tabs), by owner (a rep's own), by shop, and the duplicate look-up by phone and WeChat id.
/// </summary>
internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.ToTable("Leads");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(LeadLimits.NameMaxLength);
        builder.Property(l => l.Company).HasMaxLength(LeadLimits.CompanyMaxLength);
        builder.Property(l => l.Phone).HasMaxLength(LeadLimits.PhoneMaxLength);
        builder.Property(l => l.ChatId).HasMaxLength(LeadLimits.ChatIdMaxLength);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(LeadLimits.EnumMaxLength);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(LeadLimits.EnumMaxLength);
        builder.Property(l => l.StatusReason).HasMaxLength(LeadLimits.ReasonMaxLength);
        builder.Property(l => l.LastFollowUpResult).HasMaxLength(LeadLimits.FollowUpResultMaxLength);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.DomainEvents);

        builder.HasOne<Tenant>().WithMany().HasForeignKey(l => l.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(l => l.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.ConvertedCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ConvertedContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(l => l.ConvertedOpportunityId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(l => l.StatusHistory, change =>
        {
            change.ToTable("LeadStatusChanges");
            change.WithOwner().HasForeignKey(c => c.LeadId);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(LeadLimits.EnumMaxLength);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(LeadLimits.EnumMaxLength);
            change.Property(c => c.Reason).HasMaxLength(LeadLimits.ReasonMaxLength);
            change.HasIndex(c => new { c.LeadId, c.At });
        });
        builder.Navigation(l => l.StatusHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasIndex(l => new { l.TenantId, l.Status });
        builder.HasIndex(l => new { l.TenantId, l.OwnerId });
        builder.HasIndex(l => new { l.TenantId, l.ShopId });
        builder.HasIndex(l => new { l.TenantId, l.Phone });
        builder.HasIndex(l => new { l.TenantId, l.ChatId });
    }
}
