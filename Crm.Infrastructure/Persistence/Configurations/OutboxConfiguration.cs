using Crm.Infrastructure.Realtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Infrastructure.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Board).HasMaxLength(32);
        builder.HasIndex(m => m.PublishedAt);
        builder.HasIndex(m => new { m.TenantId, m.Board, m.Sequence }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.CardId });
    }
}

internal sealed class BoardSequenceConfiguration : IEntityTypeConfiguration<BoardSequence>
{
    public void Configure(EntityTypeBuilder<BoardSequence> builder)
    {
        builder.ToTable("BoardSequences");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(64);
    }
}
