using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Organization;

namespace Crm.Domain.Tests.Customers;

/// <summary>The recycle clock of a real customer, stepped day by day like the job's clock, per tier.</summary>
public class CustomerRecycleRemindersTests
{
    private static readonly PoolPolicy Policy = PoolPolicy.Default;

    public static TheoryData<CustomerTier> Tiers() => [.. TierNames.AllTiers];

    [Theory]
    [MemberData(nameof(Tiers))]
    public void WhenNobodyFollowsUp_TheOwnerThenTheManagerAreRemindedOnceEachAndThenItIsDue(CustomerTier tier)
    {
        var customer = Owned(tier);
        var days = Policy.For(tier);
        var sent = new List<(int Day, PoolReminders Reminders)>();
        var dueOn = -1;

        for (var day = 0; day <= days.RecycleAfterDays + 1 && dueOn < 0; day++)
        {
            var now = CustomerBuilder.Now.AddDays(day);
            if (PoolRules.RecycleDue(Policy, customer.RecycleFacts(), now).IsDue)
            {
                dueOn = day;
                continue;
            }

            var due = PoolRules.RemindersDue(Policy, customer.ReminderFacts(), now);
            if (due != PoolReminders.None)
            {
                customer.RecordRecycleReminders(due, now);
                sent.Add((day, due));
            }
        }

        dueOn.ShouldBe(days.RecycleAfterDays);
        sent.ShouldBe([
            (days.RecycleAfterDays - days.OwnerReminderDaysBefore, PoolReminders.Owner),
            (days.RecycleAfterDays - days.ManagerReminderDaysBefore, PoolReminders.Manager),
        ]);
    }

    [Fact]
    public void WhenAFollowUpComesAfterTheReminders_TheClockRestartsAndTheyAreDueAgainNextCycle()
    {
        var customer = Owned(CustomerTier.E);
        var tier = Policy.For(CustomerTier.E);
        var firstReminder = CustomerBuilder.Now.AddDays(tier.RecycleAfterDays - tier.ManagerReminderDaysBefore);
        customer.RecordRecycleReminders(PoolRules.RemindersDue(Policy, customer.ReminderFacts(), firstReminder), firstReminder);

        customer.RecordFollowUp(firstReminder);

        PoolRules.RemindersDue(Policy, customer.ReminderFacts(), firstReminder).ShouldBe(PoolReminders.None);
        PoolRules.RemindersDue(Policy, customer.ReminderFacts(), firstReminder.AddDays(tier.RecycleAfterDays - tier.ManagerReminderDaysBefore))
            .ShouldBe(PoolReminders.Owner | PoolReminders.Manager);
        PoolRules.RecycleDue(Policy, customer.RecycleFacts(), firstReminder.AddDays(tier.RecycleAfterDays)).IsDue.ShouldBeTrue();
    }

    [Fact]
    public void WhenTheCustomerIsInThePool_RecordingRemindersIsRefused()
    {
        var customer = new CustomerBuilder().InPool().Build();

        var violation = Should.Throw<DomainRuleViolation>(() => customer.RecordRecycleReminders(PoolReminders.Owner, CustomerBuilder.Now));

        violation.Code.ShouldBe("customer.in-pool");
    }

    private static Customer Owned(CustomerTier tier)
    {
        var customer = new CustomerBuilder().Build();
        customer.UpdateProfile(CustomerProfile.Default with { Tier = tier, RegionId = RegionId.New() });
        return customer;
    }
}
