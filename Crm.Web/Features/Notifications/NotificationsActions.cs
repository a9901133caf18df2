using System.Collections.Immutable;
using Crm.Domain.Notifications;

namespace Crm.Web.Features.Notifications;

public sealed record LoadNotificationsAction;

public sealed record LoadNotificationsSucceededAction(ImmutableList<NotificationItem> Items);

public sealed record MarkNotificationReadAction(NotificationId Id);

public sealed record MarkAllNotificationsReadAction;

/// <summary>Pushed by the live feed when a notification for this user was sent elsewhere.</summary>
public sealed record NotificationReceivedRemotelyAction(NotificationItem Item);
