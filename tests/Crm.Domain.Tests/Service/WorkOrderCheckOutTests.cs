using Crm.Domain.Service;
using Crm.Domain.Tests.Builders;

namespace Crm.Domain.Tests.Service;

public class WorkOrderCheckOutTests
{
    [Fact]
    public void WhenAssignedTechnicianLeavesWithReport_IsCompletedWithTimeOnSite()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();
        var report = Dispatch.Report();
        var leftAt = Dispatch.CheckedInAt.AddMinutes(95);

        workOrder.CheckOut(Dispatch.Technician, report, leftAt);

        workOrder.Status.ShouldBe(WorkOrderStatus.Completed);
        workOrder.CheckedOutAt.ShouldBe(leftAt);
        workOrder.Report.ShouldBe(report);
        workOrder.TimeOnSite.ShouldBe(TimeSpan.FromMinutes(95));
        workOrder.CompletedWithinSla.ShouldBe(true);
        var completed = workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderCompleted>();
        completed.TimeOnSite.ShouldBe(TimeSpan.FromMinutes(95));
        completed.WithinSla.ShouldBeTrue();
        completed.TechnicianId.ShouldBe(Dispatch.Technician);
    }

    [Fact]
    public void WhenCompletedAfterSlaDue_IsRecordedAsLate()
    {
        var workOrder = new WorkOrderBuilder().WithPriority(WorkOrderPriority.Urgent).InStatus(WorkOrderStatus.InProgress).Build();

        workOrder.CheckOut(Dispatch.Technician, Dispatch.Report(), workOrder.SlaDueAt.AddMinutes(1));

        workOrder.CompletedWithinSla.ShouldBe(false);
        workOrder.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderCompleted>().WithinSla.ShouldBeFalse();
    }

    [Fact]
    public void WhenAnotherTechnicianTries_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        RuleAssert.Violates(
            () => workOrder.CheckOut(Dispatch.OtherTechnician, Dispatch.Report(), Dispatch.CheckedOutAt), "workorder.not-assigned-technician");

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
    }

    [Fact]
    public void WhenReportIsMissing_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        RuleAssert.Violates(() => workOrder.CheckOut(Dispatch.Technician, null, Dispatch.CheckedOutAt), "workorder.report-required");

        workOrder.Status.ShouldBe(WorkOrderStatus.InProgress);
        workOrder.CheckedOutAt.ShouldBeNull();
    }

    [Fact]
    public void WhenBeforeCheckIn_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.InProgress).Build();

        RuleAssert.Violates(
            () => workOrder.CheckOut(Dispatch.Technician, Dispatch.Report(), Dispatch.CheckedInAt.AddMinutes(-1)),
            "workorder.check-out-before-check-in");
    }

    [Fact]
    public void WhenNotCheckedIn_IsRefused()
    {
        var workOrder = new WorkOrderBuilder().InStatus(WorkOrderStatus.Assigned).Build();

        RuleAssert.Violates(
            () => workOrder.CheckOut(Dispatch.Technician, Dispatch.Report(), Dispatch.CheckedOutAt), "workorder.check-out-requires-in-progress");
    }
}

public class ServiceReportCreateTests
{
    [Fact]
    public void WhenPartsAreBlank_KeepsNoParts()
    {
        var report = ServiceReport.Create("  Tightened the valve.  ", "  ");

        report.WorkDone.ShouldBe("Tightened the valve.");
        report.PartsUsed.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void WhenWorkDoneIsMissing_IsRefused(string? workDone) =>
        RuleAssert.Violates(() => ServiceReport.Create(workDone, "seal"), "workorder.work-done-required");

    [Fact]
    public void WhenPartsTooLong_IsRefused() =>
        RuleAssert.Violates(
            () => ServiceReport.Create("Done.", new string('p', WorkOrderLimits.PartsUsedMaxLength + 1)), "workorder.parts-used-too-long");
}
