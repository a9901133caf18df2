using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>
/// Opportunities with their follow-ups and stage history as owned child tables (loaded with the
/// aggregate, keyed by their own id, OpportunityId as foreign key). Money is two columns, Amount
/// decimal(18,2) and Currency char(3); SQLite stores decimals as text, so sums and ordering by
/// amount happen in memory for now.
/// </summary>
internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("Opportunities");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(OpportunityLimits.TitleMaxLength);
        builder.Property(o => o.NeedsSummary).HasMaxLength(OpportunityLimits.NeedsSummaryMaxLength);
        builder.Property(o => o.LostReason).HasMaxLength(OpportunityLimits.LostReasonMaxLength);
        builder.Property(o => o.Source).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
        builder.Property(o => o.Stage).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
        builder.Property(o => o.Priority).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.IsClosed);

        builder.ComplexProperty(o => o.Amount, money =>
        {
            money.Property(m => m.Amount).HasPrecision(Money.Precision, Money.Scale);
            money.Property(m => m.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        });

        builder.ComplexProperty(o => o.ScoringInputs, inputs =>
        {
            inputs.Property(i => i.IndustryMatch);
            inputs.Property(i => i.Budget)
                .HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            inputs.Property(i => i.DecisionMakerLevel)
                .HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            inputs.Property(i => i.Urgency)
                .HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            inputs.Property(i => i.IsRepeatCustomer);
        });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(o => o.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(o => o.ContactId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(o => o.FollowUps, followUp =>
        {
            followUp.ToTable("OpportunityFollowUps");
            followUp.WithOwner().HasForeignKey(f => f.OpportunityId);
            followUp.HasKey(f => f.Id);
            followUp.Property(f => f.Id).ValueGeneratedNever();
            followUp.Property(f => f.Channel).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            followUp.Property(f => f.Note).HasMaxLength(OpportunityLimits.FollowUpNoteMaxLength);
            followUp.HasIndex(f => new { f.OpportunityId, f.At });
        });
        builder.Navigation(o => o.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(o => o.StageHistory, change =>
        {
            change.ToTable("OpportunityStageChanges");
            change.WithOwner().HasForeignKey(c => c.OpportunityId);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(OpportunityLimits.EnumMaxLength);
            change.HasIndex(c => new { c.OpportunityId, c.At });
        });
        builder.Navigation(o => o.StageHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The board: one tenant's cards by column, by owner (a rep's own), by shop.
        builder.HasIndex(o => new { o.TenantId, o.Stage });
        builder.HasIndex(o => new { o.TenantId, o.OwnerId });
        builder.HasIndex(o => new { o.TenantId, o.ShopId });
        builder.HasIndex(o => new { o.TenantId, o.CustomerId });
    }
}
