using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Jobs;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// The reminder job on the demo data, driven by a FakeTimeProvider: it reminds the owners of stale
/// opportunities in the notification center, once per stale period. Each test first lets a whole
/// stale period pass, so that every earlier reminder is due again, whatever ran before it.
/// </summary>
public sealed class StaleOpportunityRemindersTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly TimeSpan Period = PipelineSettings.Default.StaleRule.Period;

    private StaleOpportunityReminders Job => new(database.Model, database.Clock, new ConfigurationBuilder().Build(), NullLogger<StaleOpportunityReminders>.Instance);

    [Fact]
    public async Task WhenRun_EveryOwnerOfAStaleOpportunityGetsOneReminderAndItIsPublishedToThem()
    {
        database.Clock.Advance(Period);
        var now = database.Clock.GetUtcNow();
        var stale = await StaleAsync(now);
        stale.ShouldContain(o => o.Id == DemoIds.Rep1Stale && o.OwnerId == DemoIds.Rep1);
        stale.ShouldContain(o => o.TenantId == DemoIds.OtherTenant, "the job goes over every tenant");
        using var bell = database.Feed.Subscribe(DemoIds.DemoTenant.Value, NotificationCard.Board);

        (await Job.RunOnceAsync()).ShouldBe(stale.Count);

        var reminders = await RemindersAtAsync(now);
        reminders.Select(r => (r.Tenant.Value, r.Recipient.Value, r.Title)).Order().ShouldBe(stale.Select(o => (o.TenantId.Value, o.OwnerId.Value, o.Title)).Order());
        reminders.ShouldContain(r => r.Recipient == DemoIds.Rep1 && r.Title == stale.Single(o => o.Id == DemoIds.Rep1Stale).Title);
        (await RemindedAtAsync(now)).Order().ShouldBe(stale.Select(o => o.Id.Value).Order());

        var demoReminders = reminders.Where(r => r.Tenant == DemoIds.DemoTenant).ToList();
        var published = await bell.NextAsync(demoReminders.Count);
        published.Select(e => (e.Kind, e.OwnerId)).Order().ShouldBe(demoReminders.Select(r => (BoardEventKinds.Added, (Guid?)r.Recipient.Value)).Order());
        published.Select(e => NotificationCard.FromJson(e.CardJson!).MessageKey).ShouldAllBe(k => k == StaleOpportunityReminders.MessageKey);
    }

    [Fact]
    public async Task WhenRunAgainAtTheSameTime_NobodyIsRemindedTwice()
    {
        database.Clock.Advance(Period);
        var now = database.Clock.GetUtcNow();
        var first = await Job.RunOnceAsync();
        first.ShouldBeGreaterThan(0);

        (await Job.RunOnceAsync()).ShouldBe(0);

        (await RemindersAtAsync(now)).Count.ShouldBe(first);
    }

    [Fact]
    public async Task WhenAnotherStalePeriodHasPassed_TheOwnerIsRemindedAgainButNotBefore()
    {
        database.Clock.Advance(Period);
        var firstAt = database.Clock.GetUtcNow();
        await Job.RunOnceAsync();
        (await RemindersAtAsync(firstAt)).ShouldContain(r => r.Recipient == DemoIds.Rep1);

        database.Clock.Advance(Period - TimeSpan.FromMinutes(1));
        (await Job.RunOnceAsync()).ShouldBe(0, "within the stale period nobody is reminded again");

        database.Clock.Advance(TimeSpan.FromMinutes(1));
        var againAt = database.Clock.GetUtcNow();
        (await Job.RunOnceAsync()).ShouldBeGreaterThan(0);
        (await RemindedAtAsync(againAt)).ShouldContain(DemoIds.Rep1Stale.Value);
        (await RemindersAtAsync(againAt)).ShouldContain(r => r.Recipient == DemoIds.Rep1);
    }

    /// <summary>Open opportunities of every tenant that the stale rule calls stale at <paramref name="now"/>.</summary>
    private async Task<List<Opportunity>> StaleAsync(DateTimeOffset now)
    {
        var stale = new List<Opportunity>();
        foreach (var tenant in new[] { DemoIds.DemoTenant, DemoIds.OtherTenant })
        {
            await using var db = database.CreateFor(tenant);
            var open = await db.Opportunities.AsNoTracking()
                .Where(o => o.Stage != OpportunityStage.Won && o.Stage != OpportunityStage.Lost)
                .ToListAsync();
            stale.AddRange(open.Where(o => o.IsStale(PipelineSettings.Default.StaleRule, now)));
        }

        return stale;
    }

    private async Task<List<(TenantId Tenant, UserId Recipient, string Title)>> RemindersAtAsync(DateTimeOffset at)
    {
        var reminders = new List<(TenantId, UserId, string)>();
        foreach (var tenant in new[] { DemoIds.DemoTenant, DemoIds.OtherTenant })
        {
            await using var db = database.CreateFor(tenant);
            var sent = await db.Notifications.AsNoTracking()
                .Where(n => n.MessageKey == StaleOpportunityReminders.MessageKey && n.CreatedAt == at)
                .ToListAsync();
            reminders.AddRange(sent.Select(n => (n.TenantId, n.RecipientId, n.ArgumentList()[0])));
        }

        return reminders;
    }

    private async Task<List<Guid>> RemindedAtAsync(DateTimeOffset at)
    {
        var ids = new List<Guid>();
        foreach (var tenant in new[] { DemoIds.DemoTenant, DemoIds.OtherTenant })
        {
            await using var db = database.CreateFor(tenant);
            var reminded = await db.Opportunities.AsNoTracking().Where(o => o.LastStaleReminderAt == at).Select(o => o.Id).ToListAsync();
            ids.AddRange(reminded.Select(id => id.Value));
        }

        return ids;
    }
}
