using Crm.Domain.Customers.Pool;
using Crm.Domain.Tests.Builders;
using static Crm.Domain.Tests.Customers.Pool.PoolPolicyBuilder;

namespace Crm.Domain.Tests.Customers.Pool;

public class PoolRulesRecycleDueTests
{
    private static readonly DateTimeOffset OwnedSince = Moments.Now;
    private static readonly PoolPolicy Policy30 = Policy(Tiers(recycle: 30));

    [Fact]
    public void WhenNeverFollowedUp_ClockStartsWhenOwned()
    {
        var decision = PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, null, false), OwnedSince.AddDays(29));

        decision.DueAt.ShouldBe(OwnedSince.AddDays(30));
        decision.IsDue.ShouldBeFalse();
    }

    [Fact]
    public void WhenFollowedUpAfterOwned_ClockStartsAtTheFollowUp()
    {
        var followUp = OwnedSince.AddDays(10);

        PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, followUp, false), OwnedSince)
            .DueAt.ShouldBe(followUp.AddDays(30));
    }

    [Fact]
    public void WhenLastFollowUpPredatesOwnership_ClockStartsWhenOwned()
    {
        PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, OwnedSince.AddDays(-5), false), OwnedSince)
            .DueAt.ShouldBe(OwnedSince.AddDays(30));
    }

    [Fact]
    public void WhenOneTickBeforeTheDueTime_IsNotDue() =>
        PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, null, false), OwnedSince.AddDays(30).AddTicks(-1))
            .IsDue.ShouldBeFalse();

    [Fact]
    public void WhenExactlyAtTheDueTime_IsDue() =>
        PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, null, false), OwnedSince.AddDays(30))
            .IsDue.ShouldBeTrue();

    [Fact]
    public void WhenLocked_IsNeverDue()
    {
        var decision = PoolRules.RecycleDue(Policy30, new RecycleFacts(CustomerTier.C, OwnedSince, null, true), OwnedSince.AddYears(5));

        decision.DueAt.ShouldBeNull();
        decision.IsDue.ShouldBeFalse();
    }

    [Fact]
    public void WhenTiersDiffer_EachUsesItsOwnPeriod()
    {
        var facts = new RecycleFacts(CustomerTier.A, OwnedSince, null, false);

        PoolRules.RecycleDue(PoolPolicy.Default, facts, OwnedSince).DueAt.ShouldBe(OwnedSince.AddDays(90));
        PoolRules.RecycleDue(PoolPolicy.Default, facts with { Tier = CustomerTier.E }, OwnedSince).DueAt.ShouldBe(OwnedSince.AddDays(7));
    }

    [Fact]
    public void WhenTierUndefined_RefusesWithTierInvalid() =>
        RuleAssert.Violates(
            () => PoolRules.RecycleDue(Policy30, new RecycleFacts((CustomerTier)7, OwnedSince, null, false), OwnedSince), "pool.tier-invalid");
}

public class PoolRulesRemindersDueTests
{
    // Recycle after 30 days: the owner is reminded from day 25, the manager from day 28.
    private static readonly DateTimeOffset OwnedSince = Moments.Now;
    private static readonly DateTimeOffset RecycleAt = OwnedSince.AddDays(30);
    private static readonly DateTimeOffset OwnerAt = RecycleAt.AddDays(-5);
    private static readonly DateTimeOffset ManagerAt = RecycleAt.AddDays(-2);
    private static readonly PoolPolicy Policy = PoolPolicyBuilder.Policy(Tiers(30, 5, 2));

    private static ReminderFacts Facts(DateTimeOffset? ownerSent = null, DateTimeOffset? managerSent = null, bool locked = false) =>
        new(new RecycleFacts(CustomerTier.C, OwnedSince, null, locked), ownerSent, managerSent);

    [Fact]
    public void WhenOneTickBeforeTheOwnerReminder_NoneAreDue() =>
        PoolRules.RemindersDue(Policy, Facts(), OwnerAt.AddTicks(-1)).ShouldBe(PoolReminders.None);

    [Fact]
    public void WhenExactlyAtTheOwnerReminder_OwnerIsDue() =>
        PoolRules.RemindersDue(Policy, Facts(), OwnerAt).ShouldBe(PoolReminders.Owner);

    [Fact]
    public void WhenExactlyAtTheManagerReminderAndNothingSent_BothAreDue() =>
        PoolRules.RemindersDue(Policy, Facts(), ManagerAt).ShouldBe(PoolReminders.Owner | PoolReminders.Manager);

    [Fact]
    public void WhenOwnerAlreadyRemindedThisCycle_OnlyManagerIsDue() =>
        PoolRules.RemindersDue(Policy, Facts(ownerSent: OwnerAt.AddHours(1)), ManagerAt).ShouldBe(PoolReminders.Manager);

    [Fact]
    public void WhenBothSentAndAskedAgain_NoneAreDue()
    {
        var now = ManagerAt.AddHours(3);
        var first = PoolRules.RemindersDue(Policy, Facts(), now);
        var afterSending = Facts(
            ownerSent: first.HasFlag(PoolReminders.Owner) ? now : null,
            managerSent: first.HasFlag(PoolReminders.Manager) ? now : null);

        first.ShouldBe(PoolReminders.Owner | PoolReminders.Manager);
        PoolRules.RemindersDue(Policy, afterSending, now).ShouldBe(PoolReminders.None);
        PoolRules.RemindersDue(Policy, afterSending, now.AddHours(5)).ShouldBe(PoolReminders.None);
    }

    [Fact]
    public void WhenReminderWasSentInAnEarlierCycle_ItIsDueAgain()
    {
        // Reminded in the last cycle, then a follow-up restarted the clock.
        var followUp = OwnedSince.AddDays(27);
        var facts = new ReminderFacts(new RecycleFacts(CustomerTier.C, OwnedSince, followUp, false), OwnerAt, ManagerAt);

        PoolRules.RemindersDue(Policy, facts, followUp.AddDays(25)).ShouldBe(PoolReminders.Owner);
    }

    [Fact]
    public void WhenAlreadyDueForRecycling_NoneAreDue() =>
        PoolRules.RemindersDue(Policy, Facts(), RecycleAt).ShouldBe(PoolReminders.None);

    [Fact]
    public void WhenLocked_NoneAreDue() =>
        PoolRules.RemindersDue(Policy, Facts(locked: true), ManagerAt).ShouldBe(PoolReminders.None);
}
