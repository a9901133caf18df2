using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.MessageKey).HasMaxLength(Notification.MessageKeyMaxLength);
        builder.Property(n => n.Arguments).HasMaxLength(Notification.ArgumentsMaxLength);
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.DomainEvents);
        builder.Ignore(n => n.IsRead);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId);
        builder.HasIndex(n => new { n.TenantId, n.RecipientId, n.CreatedAt });
    }
}
