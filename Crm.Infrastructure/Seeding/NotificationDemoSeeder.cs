using Crm.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Seeding;

/// <summary>A welcome notification per demo user, so the bell has something to show.</summary>
internal sealed class NotificationDemoSeeder : IDemoSeeder
{
    public const string WelcomeKey = "Notification.Welcome";

    public int Order => 100;

    public async Task SeedAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        await using var db = context.Database.CreateFor(DemoIds.DemoTenant);
        if (await db.Notifications.AnyAsync(n => n.MessageKey == WelcomeKey, cancellationToken))
        {
            return;
        }

        var now = context.Clock.GetUtcNow();
        var users = await db.Users.Where(u => u.TenantId == DemoIds.DemoTenant).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        foreach (var user in users)
        {
            var notification = Notification.Send(
                DemoIds.DemoTenant, new Domain.Organization.UserId(user.Id), WelcomeKey, [user.DisplayName], "/", now);
            notification.ClearDomainEvents();
            db.Notifications.Add(notification);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
