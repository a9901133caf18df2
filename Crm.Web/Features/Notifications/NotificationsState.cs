using System.Collections.Immutable;
using Crm.Domain.Notifications;

namespace Crm.Web.Features.Notifications;

[State.FeatureState]
public sealed record NotificationsState
{
    public ImmutableList<NotificationItem> Items { get; init; } = [];

    public bool IsLoading { get; init; }

    public int UnreadCount => Items.Count(i => !i.IsRead);
}

public sealed record NotificationItem(
    NotificationId Id, string MessageKey, ImmutableArray<string> Arguments, string? Link, DateTimeOffset CreatedAt, bool IsRead);
