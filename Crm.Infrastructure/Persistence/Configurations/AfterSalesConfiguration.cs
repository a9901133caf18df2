using Crm.Domain.AfterSales;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>
/// After-sales requests with their items and history as JSON columns of the same row (always read and
/// written with the request, never queried on their own); the amount is two columns like every Money.
/// </summary>
internal sealed class AfterSalesRequestConfiguration : IEntityTypeConfiguration<AfterSalesRequest>
{
    public void Configure(EntityTypeBuilder<AfterSalesRequest> builder)
    {
        builder.ToTable("AfterSalesRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(AfterSalesLimits.EnumMaxLength);
        builder.Property(r => r.Reason).HasConversion<string>().HasMaxLength(AfterSalesLimits.EnumMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(AfterSalesLimits.EnumMaxLength);
        builder.Property(r => r.OrderReference).HasMaxLength(AfterSalesLimits.OrderReferenceMaxLength);
        builder.Property(r => r.Note).HasMaxLength(AfterSalesLimits.NoteMaxLength);
        builder.Property(r => r.PickupAddress).HasMaxLength(WorkOrderLimits.AddressMaxLength);
        builder.Property(r => r.DecisionComment).HasMaxLength(AfterSalesLimits.CommentMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsDecided);
        builder.ComplexProperty(r => r.Amount, money =>
        {
            money.Property(m => m.Amount).HasPrecision(Money.Precision, Money.Scale);
            money.Property(m => m.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        });

        builder.OwnsMany(r => r.Items, items =>
        {
            items.ToJson("Items");
            items.Property(i => i.Name).HasMaxLength(AfterSalesLimits.ItemNameMaxLength);
        });
        builder.Navigation(r => r.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(r => r.History, steps =>
        {
            steps.ToJson("History");
            steps.Property(s => s.Kind).HasConversion<string>().HasMaxLength(AfterSalesLimits.EnumMaxLength);
        });
        builder.Navigation(r => r.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(r => r.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);

        // The list: a tenant's requests by time, by shop; the request an approval decides.
        builder.HasIndex(r => new { r.TenantId, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.ShopId });
        builder.HasIndex(r => r.ApprovalRequestId).IsUnique();
    }
}

/// <summary>Refunds for finance: due ones first, by shop.</summary>
internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> builder)
    {
        builder.ToTable("Refunds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(AfterSalesLimits.EnumMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.ComplexProperty(r => r.Amount, money =>
        {
            money.Property(m => m.Amount).HasPrecision(Money.Precision, Money.Scale);
            money.Property(m => m.Currency).HasMaxLength(Money.CurrencyLength).IsFixedLength();
        });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(r => r.ShopId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AfterSalesRequest>().WithMany().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
        // Not unique: one refund per request is the request's rule (its Version makes a racing second decision a
        // conflict); a unique index would make that race a constraint error on PostgreSQL, which inserts first.
        builder.HasIndex(r => r.RequestId);
    }
}
