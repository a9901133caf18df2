using Crm.Domain.Opportunities;
using Microsoft.Extensions.Time.Testing;

namespace Crm.Domain.Tests.Opportunities;

public class OpportunityRemindIfStaleTests
{
    private readonly FakeTimeProvider _clock = Pipeline.Clock();

    private DateTimeOffset Now => _clock.GetUtcNow();

    private Opportunity OpenNow() => new OpportunityBuilder().OpenedAt(Now).Build();

    [Fact]
    public void WhenStale_RemindsAndRaisesWentStale()
    {
        var opportunity = OpenNow();
        _clock.Advance(TimeSpan.FromDays(8));

        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeTrue();

        opportunity.LastStaleReminderAt.ShouldBe(Now);
        var stale = opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityWentStale>();
        stale.OpportunityId.ShouldBe(opportunity.Id);
        stale.TenantId.ShouldBe(Pipeline.Tenant);
        stale.OwnerId.ShouldBe(Pipeline.Rep);
        stale.DaysSinceFollowUp.ShouldBe(8);
        stale.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public void WhenNotStale_DoesNotRemind()
    {
        var opportunity = OpenNow();
        _clock.Advance(TimeSpan.FromDays(6));

        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeFalse();

        opportunity.LastStaleReminderAt.ShouldBeNull();
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAskedAgainWithinThePeriod_DoesNotRemindTwice()
    {
        var opportunity = OpenNow();
        _clock.Advance(TimeSpan.FromDays(8));
        opportunity.RemindIfStale(StaleRule.Default, Now);
        var remindedAt = Now;
        opportunity.ClearDomainEvents();

        foreach (var hours in new[] { 1, 24, 6 * 24 })
        {
            _clock.SetUtcNow(remindedAt.AddHours(hours));
            opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeFalse();
        }

        opportunity.LastStaleReminderAt.ShouldBe(remindedAt);
        opportunity.DomainEvents.ShouldBeEmpty();
    }

    [Fact]
    public void WhenAnotherPeriodPassedSinceTheReminder_RemindsAgain()
    {
        var opportunity = OpenNow();
        _clock.Advance(TimeSpan.FromDays(8));
        opportunity.RemindIfStale(StaleRule.Default, Now);
        opportunity.ClearDomainEvents();

        _clock.Advance(TimeSpan.FromDays(7));

        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeTrue();
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityWentStale>().DaysSinceFollowUp.ShouldBe(15);
    }

    [Fact]
    public void WhenFollowedUpAfterTheReminder_NoReminderUntilStaleAgain()
    {
        var opportunity = OpenNow();
        _clock.Advance(TimeSpan.FromDays(8));
        opportunity.RemindIfStale(StaleRule.Default, Now);
        _clock.Advance(TimeSpan.FromDays(1));
        opportunity.RecordFollowUp(FollowUpId.New(), Now, FollowUpChannel.Call, "Called after the reminder.", null, Pipeline.Rep, Now);
        var followedUpAt = Now;
        opportunity.ClearDomainEvents();

        _clock.SetUtcNow(followedUpAt.AddDays(7));
        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeFalse();

        _clock.SetUtcNow(followedUpAt.AddDays(7).AddHours(1));
        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeTrue();
        opportunity.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<OpportunityWentStale>().DaysSinceFollowUp.ShouldBe(7);
    }

    [Fact]
    public void WhenClosed_NeverReminds()
    {
        var opportunity = new OpportunityBuilder().OpenedAt(Now).InStage(OpportunityStage.Won).Build();
        _clock.Advance(TimeSpan.FromDays(30));

        opportunity.RemindIfStale(StaleRule.Default, Now).ShouldBeFalse();
    }
}
