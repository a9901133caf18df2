using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class SlaPolicyDueAtTests
{
    [Theory]
    [InlineData(WorkOrderPriority.Urgent, 4)]
    [InlineData(WorkOrderPriority.High, 24)]
    [InlineData(WorkOrderPriority.Normal, 48)]
    [InlineData(WorkOrderPriority.Low, 72)]
    public void WhenDefaultPolicy_DueAtIsRequestPlusHoursOfPriority(WorkOrderPriority priority, int hours) =>
        SlaPolicy.Default.DueAt(Dispatch.Start, priority).ShouldBe(Dispatch.Start.AddHours(hours));

    [Theory]
    [InlineData(WorkOrderPriority.Urgent, 2)]
    [InlineData(WorkOrderPriority.High, 8)]
    [InlineData(WorkOrderPriority.Normal, 16)]
    [InlineData(WorkOrderPriority.Low, 120)]
    public void WhenConfiguredPolicy_DueAtUsesConfiguredHours(WorkOrderPriority priority, int hours) =>
        SlaPolicy.Create(2, 8, 16, 120).DueAt(Dispatch.Start, priority).ShouldBe(Dispatch.Start.AddHours(hours));

    [Fact]
    public void WhenWorkOrderOpened_SlaDueAtComesFromItsPolicy()
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Urgent).WithSla(SlaPolicy.Create(1, 2, 3, 4)).Build();

        workOrder.SlaDueAt.ShouldBe(Dispatch.Start.AddHours(1));
    }

    [Fact]
    public void WhenRequestSpansMidnightInAnotherOffset_DueAtKeepsTheOffset()
    {
        var requested = new DateTimeOffset(2026, 11, 2, 22, 0, 0, TimeSpan.FromHours(8));

        var due = SlaPolicy.Default.DueAt(requested, WorkOrderPriority.Urgent);

        due.ShouldBe(new DateTimeOffset(2026, 11, 3, 2, 0, 0, TimeSpan.FromHours(8)));
        due.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void WhenPriorityUndefined_IsRefused() =>
        RuleAssert.Violates(() => SlaPolicy.Default.DueAt(Dispatch.Start, (WorkOrderPriority)9), "workorder.priority-invalid");
}

public class SlaPolicyCreateTests
{
    [Fact]
    public void WhenHoursAreOrdered_KeepsThem()
    {
        var policy = SlaPolicy.Create(4, 4, 8, 8);

        policy.UrgentHours.ShouldBe(4);
        policy.HighHours.ShouldBe(4);
        policy.NormalHours.ShouldBe(8);
        policy.LowHours.ShouldBe(8);
        policy.HoursFor(WorkOrderPriority.Low).ShouldBe(8);
    }

    [Fact]
    public void WhenSameHours_EqualsAnotherPolicy() =>
        SlaPolicy.Create(4, 24, 48, 72).ShouldBe(SlaPolicy.Default);

    [Theory]
    [InlineData(0, 24, 48, 72)]
    [InlineData(4, -1, 48, 72)]
    [InlineData(4, 24, 48, SlaPolicy.MaxHours + 1)]
    public void WhenHoursOutOfRange_IsRefused(int urgent, int high, int normal, int low) =>
        RuleAssert.Violates(() => SlaPolicy.Create(urgent, high, normal, low), "sla.hours-out-of-range");

    [Theory]
    [InlineData(25, 24, 48, 72)]
    [InlineData(4, 49, 48, 72)]
    [InlineData(4, 24, 73, 72)]
    public void WhenMoreUrgentGetsMoreTime_IsRefused(int urgent, int high, int normal, int low) =>
        RuleAssert.Violates(() => SlaPolicy.Create(urgent, high, normal, low), "sla.priority-order");

    [Fact]
    public void WhenBoundsAreUsed_IsAccepted() =>
        SlaPolicy.Create(SlaPolicy.MinHours, SlaPolicy.MinHours, SlaPolicy.MaxHours, SlaPolicy.MaxHours).LowHours.ShouldBe(SlaPolicy.MaxHours);
}
