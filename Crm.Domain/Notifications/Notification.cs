using Crm.Domain.Common;
using Crm.Domain.Organization;

namespace Crm.Domain.Notifications;

public readonly record struct NotificationId
{
    public NotificationId(Guid value) => Value = Guard.NotEmpty(value, nameof(NotificationId));

    public Guid Value { get; }

    public static NotificationId New() => new(Guid.NewGuid());
}

/// <summary>
/// One entry of a user's in-app notification center. The text is a resource key plus its
/// arguments, so each reader sees it in their own language.
/// </summary>
public sealed class Notification : AggregateRoot<NotificationId>, ITenantOwned
{
    public const int MessageKeyMaxLength = 128;
    public const int ArgumentsMaxLength = 1024;
    public const int LinkMaxLength = 512;

    private Notification()
    {
        MessageKey = string.Empty;
        Arguments = string.Empty;
    }

    public TenantId TenantId { get; private set; }

    public UserId RecipientId { get; private set; }

    public string MessageKey { get; private set; }

    /// <summary>Arguments for the message, separated by the unit separator (U+001F).</summary>
    public string Arguments { get; private set; }

    public string? Link { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    public const char ArgumentSeparator = '\u001f';

    public static Notification Send(
        TenantId tenantId, UserId recipientId, string messageKey, IReadOnlyList<string> arguments, string? link, DateTimeOffset now)
    {
        var key = Guard.Text(messageKey, MessageKeyMaxLength, "notification.key", "A message key");
        var joined = string.Join(ArgumentSeparator, arguments);
        if (joined.Length > ArgumentsMaxLength)
        {
            throw new DomainRuleViolation("notification.arguments-too-long", "The notification text is too long.");
        }

        if (link is { Length: > LinkMaxLength })
        {
            throw new DomainRuleViolation("notification.link-too-long", "The notification link is too long.");
        }

        var notification = new Notification
        {
            Id = NotificationId.New(),
            TenantId = tenantId,
            RecipientId = recipientId,
            MessageKey = key,
            Arguments = joined,
            Link = link,
            CreatedAt = now,
        };
        notification.Raise(new NotificationSent(notification.Id, tenantId, recipientId, now));
        return notification;
    }

    public IReadOnlyList<string> ArgumentList() =>
        Arguments.Length == 0 ? [] : Arguments.Split(ArgumentSeparator);

    /// <summary>Idempotent: reading it again keeps the first read time.</summary>
    public void MarkRead(DateTimeOffset now)
    {
        if (ReadAt is not null)
        {
            return;
        }

        ReadAt = now;
    }
}

public sealed record NotificationSent(NotificationId NotificationId, TenantId TenantId, UserId RecipientId, DateTimeOffset OccurredAt)
    : DomainEvent(OccurredAt);
