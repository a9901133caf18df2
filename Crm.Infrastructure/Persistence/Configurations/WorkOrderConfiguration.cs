using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>
/// Work orders with the service report and the satisfaction rating as optional owned columns of the
/// same row, and the status history as an owned child table (loaded with the aggregate).
/// </summary>
internal sealed class WorkOrderConfiguration : IEntityTypeConfiguration<WorkOrder>
{
    public void Configure(EntityTypeBuilder<WorkOrder> builder)
    {
        builder.ToTable("WorkOrders");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Address).HasMaxLength(WorkOrderLimits.AddressMaxLength);
        builder.Property(w => w.Description).HasMaxLength(WorkOrderLimits.DescriptionMaxLength);
        builder.Property(w => w.CancelReason).HasMaxLength(WorkOrderLimits.CancelReasonMaxLength);
        builder.Property(w => w.Type).HasConversion<string>().HasMaxLength(WorkOrderLimits.EnumMaxLength);
        builder.Property(w => w.Priority).HasConversion<string>().HasMaxLength(WorkOrderLimits.EnumMaxLength);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(WorkOrderLimits.EnumMaxLength);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Ignore(w => w.DomainEvents);
        builder.Ignore(w => w.TimeOnSite);
        builder.Ignore(w => w.CompletedWithinSla);

        builder.OwnsOne(w => w.Report, report =>
        {
            report.Property(r => r.WorkDone).HasColumnName("ReportWorkDone").HasMaxLength(WorkOrderLimits.WorkDoneMaxLength);
            report.Property(r => r.PartsUsed).HasColumnName("ReportPartsUsed").HasMaxLength(WorkOrderLimits.PartsUsedMaxLength);
        });
        builder.OwnsOne(w => w.Satisfaction, rating =>
        {
            rating.Property(r => r.Score).HasColumnName("SatisfactionScore");
            rating.Property(r => r.Comment).HasColumnName("SatisfactionComment").HasMaxLength(WorkOrderLimits.SatisfactionCommentMaxLength);
        });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(w => w.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(w => w.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(w => w.ContactId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(w => w.StatusHistory, change =>
        {
            change.ToTable("WorkOrderStatusChanges");
            change.WithOwner().HasForeignKey(c => c.WorkOrderId);
            change.HasKey(c => c.Id);
            change.Property(c => c.Id).ValueGeneratedNever();
            change.Property(c => c.From).HasConversion<string>().HasMaxLength(WorkOrderLimits.EnumMaxLength);
            change.Property(c => c.To).HasConversion<string>().HasMaxLength(WorkOrderLimits.EnumMaxLength);
            change.HasIndex(c => new { c.WorkOrderId, c.At });
        });
        builder.Navigation(w => w.StatusHistory).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The board: one tenant's cards by status, a technician's orders, by shop.
        builder.HasIndex(w => new { w.TenantId, w.Status });
        builder.HasIndex(w => new { w.TenantId, w.TechnicianId });
        builder.HasIndex(w => new { w.TenantId, w.ShopId });
    }
}
