namespace Crm.Infrastructure.Realtime;

/// <summary>A board event written in the same transaction as the change; the sweep re-sends what is unpublished.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public string Board { get; set; } = string.Empty;

    public long Sequence { get; set; }

    /// <summary>The card the event is about: the latest row per card says who changed it last.</summary>
    public Guid CardId { get; set; }

    public string Payload { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>The last sequence number given out per tenant and board ("{tenant}:{board}").</summary>
public sealed class BoardSequence
{
    public string Key { get; set; } = string.Empty;

    public long Last { get; set; }

    public static string KeyOf(Guid tenantId, string board) => $"{tenantId:N}:{board}";
}

/// <summary>What a projector says about an aggregate that changed: the card as its board shows it.</summary>
public sealed record BoardCard(
    Guid CardId, long Version, string Kind, Guid? ShopId, Guid? OwnerId, string CardJson, string? Summary, DateTimeOffset OccurredAt);

/// <summary>Maps one aggregate type onto one board. Registered once per board; runs in the save, before its write turn and transaction, and only reads.</summary>
public interface IBoardProjector
{
    string Board { get; }

    bool Handles(object entity);

    Task<BoardCard?> ProjectAsync(Persistence.CrmDbContext db, object entity, IReadOnlyCollection<Domain.Common.IDomainEvent> events, CancellationToken cancellationToken);
}

/// <summary>
/// Adds to the same save what follows from a change, such as the notifications of an approval step:
/// it runs before the save numbers board events, so what it adds is committed and published with the
/// change, or not at all.
/// </summary>
public interface ISaveReaction
{
    Task ReactAsync(Persistence.CrmDbContext db, IReadOnlyList<Domain.Common.IHasDomainEvents> changed, CancellationToken cancellationToken);
}
