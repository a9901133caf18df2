using System.Text.Json;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Persistence;

namespace Crm.Infrastructure.Realtime;

/// <summary>A notification as the bell shows it; travels on the "notifications" feed to its recipient only.</summary>
public sealed record NotificationCard(Guid Id, Guid RecipientId, string MessageKey, IReadOnlyList<string> Arguments, string? Link, DateTimeOffset CreatedAt, bool IsRead)
{
    public const string Board = "notifications";

    public static NotificationCard From(Notification n) => new(n.Id.Value, n.RecipientId.Value, n.MessageKey, n.ArgumentList(), n.Link, n.CreatedAt, n.IsRead);

    public static NotificationCard FromJson(string json) => JsonSerializer.Deserialize<NotificationCard>(json)!;
}

/// <summary>New notifications ride the live engine like cards: numbered, in the outbox, published after commit.</summary>
public sealed class NotificationProjector : IBoardProjector
{
    public string Board => NotificationCard.Board;

    public bool Handles(object entity) => entity is Notification;

    public Task<BoardCard?> ProjectAsync(CrmDbContext db, object entity, IReadOnlyCollection<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var notification = (Notification)entity;
        if (!events.Any(e => e is NotificationSent))
        {
            return Task.FromResult<BoardCard?>(null);
        }

        var card = NotificationCard.From(notification);
        return Task.FromResult<BoardCard?>(new BoardCard(
            card.Id, notification.Version, BoardEventKinds.Added, null, card.RecipientId, JsonSerializer.Serialize(card), null, card.CreatedAt));
    }
}
