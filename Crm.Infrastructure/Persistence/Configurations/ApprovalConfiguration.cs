using Crm.Domain.Approvals;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

/// <summary>
/// Approval requests of every kind in one table; the subject (what it is about) is three columns,
/// so the board shows a request without loading the record it is about.
/// </summary>
internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.ToTable("ApprovalRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(ApprovalLimits.EnumMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(ApprovalLimits.EnumMaxLength);
        builder.Property(r => r.Reason).HasMaxLength(ApprovalLimits.ReasonMaxLength);
        builder.Property(r => r.Comment).HasMaxLength(ApprovalLimits.CommentMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.DomainEvents);
        builder.Ignore(r => r.IsDecided);

        builder.ComplexProperty(r => r.Subject, subject =>
        {
            subject.Property(s => s.Type).HasMaxLength(ApprovalLimits.SubjectTypeMaxLength);
            subject.Property(s => s.Id);
            subject.Property(s => s.Title).HasMaxLength(ApprovalLimits.SubjectTitleMaxLength);
        });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Shop>().WithMany().HasForeignKey(r => r.ShopId).OnDelete(DeleteBehavior.Restrict);

        // The board: a tenant's requests by status; a requester's own; the open requests about one subject.
        builder.HasIndex(r => new { r.TenantId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.TenantId, r.RequesterId });
    }
}
