using System.Collections.Immutable;
using Crm.Domain.Notifications;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Notifications;

/// <summary>The notification center's use cases, for the signed-in user only.</summary>
public sealed class NotificationCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<ImmutableList<NotificationItem>> LoadAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.RecipientId == me)
            .OrderByDescending(n => n.CreatedAt)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return rows.Select(ToItem).ToImmutableList();
    }

    /// <summary>The list and the notifications feed's sequence it reflects (read first, see BoardConnection).</summary>
    public async Task<(ImmutableList<NotificationItem> Items, long Sequence)> LoadWithSequenceAsync(CancellationToken cancellationToken = default)
    {
        long sequence;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            sequence = await OpportunityCards.CurrentSequenceAsync(db, NotificationCard.Board, cancellationToken);
        }

        return (await LoadAsync(cancellationToken), sequence);
    }

    public async Task MarkReadAsync(NotificationId id, CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.RecipientId == me, cancellationToken);
        notification?.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MarkAllReadAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireUserId();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await db.Notifications.Where(n => n.RecipientId == me && n.ReadAt == null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        unread.ForEach(n => n.MarkRead(now));
        await db.SaveChangesAsync(cancellationToken);
    }

    public static NotificationItem ToItem(Notification n) =>
        new(n.Id, n.MessageKey, [.. n.ArgumentList()], n.Link, n.CreatedAt, n.IsRead);
}
