using Crm.Domain.Service;

namespace Crm.Domain.Tests.Service;

/// <summary>Every action from every status: where it leads, or the code of the rule that refuses it.</summary>
public class WorkOrderTransitionMatrixTests
{
    public enum BoardAction
    {
        Assign,
        Reassign,
        CheckIn,
        CheckOut,
        FollowUpVisit,
        Cancel,
    }

    private const string Unchanged = "unchanged";

    /// <summary>Status, action, and either the status reached, "unchanged" (idempotent) or the refusal code.</summary>
    public static TheoryData<WorkOrderStatus, BoardAction, string> Matrix => new()
    {
        { WorkOrderStatus.New, BoardAction.Assign, nameof(WorkOrderStatus.Assigned) },
        { WorkOrderStatus.New, BoardAction.Reassign, "workorder.reassign-requires-assigned" },
        { WorkOrderStatus.New, BoardAction.CheckIn, "workorder.check-in-requires-assigned" },
        { WorkOrderStatus.New, BoardAction.CheckOut, "workorder.check-out-requires-in-progress" },
        { WorkOrderStatus.New, BoardAction.FollowUpVisit, "workorder.follow-up-requires-completed" },
        { WorkOrderStatus.New, BoardAction.Cancel, nameof(WorkOrderStatus.Cancelled) },

        { WorkOrderStatus.Assigned, BoardAction.Assign, "workorder.already-assigned" },
        { WorkOrderStatus.Assigned, BoardAction.Reassign, nameof(WorkOrderStatus.Assigned) },
        { WorkOrderStatus.Assigned, BoardAction.CheckIn, nameof(WorkOrderStatus.InProgress) },
        { WorkOrderStatus.Assigned, BoardAction.CheckOut, "workorder.check-out-requires-in-progress" },
        { WorkOrderStatus.Assigned, BoardAction.FollowUpVisit, "workorder.follow-up-requires-completed" },
        { WorkOrderStatus.Assigned, BoardAction.Cancel, nameof(WorkOrderStatus.Cancelled) },

        { WorkOrderStatus.InProgress, BoardAction.Assign, "workorder.assign-requires-new" },
        { WorkOrderStatus.InProgress, BoardAction.Reassign, "workorder.reassign-requires-assigned" },
        { WorkOrderStatus.InProgress, BoardAction.CheckIn, Unchanged },
        { WorkOrderStatus.InProgress, BoardAction.CheckOut, nameof(WorkOrderStatus.Completed) },
        { WorkOrderStatus.InProgress, BoardAction.FollowUpVisit, "workorder.follow-up-requires-completed" },
        { WorkOrderStatus.InProgress, BoardAction.Cancel, "workorder.cancel-requires-not-started" },

        { WorkOrderStatus.Completed, BoardAction.Assign, "workorder.assign-requires-new" },
        { WorkOrderStatus.Completed, BoardAction.Reassign, "workorder.reassign-requires-assigned" },
        { WorkOrderStatus.Completed, BoardAction.CheckIn, "workorder.check-in-requires-assigned" },
        { WorkOrderStatus.Completed, BoardAction.CheckOut, "workorder.check-out-requires-in-progress" },
        { WorkOrderStatus.Completed, BoardAction.FollowUpVisit, nameof(WorkOrderStatus.Closed) },
        { WorkOrderStatus.Completed, BoardAction.Cancel, "workorder.cancel-requires-not-started" },

        { WorkOrderStatus.Closed, BoardAction.Assign, "workorder.assign-requires-new" },
        { WorkOrderStatus.Closed, BoardAction.Reassign, "workorder.reassign-requires-assigned" },
        { WorkOrderStatus.Closed, BoardAction.CheckIn, "workorder.check-in-requires-assigned" },
        { WorkOrderStatus.Closed, BoardAction.CheckOut, "workorder.check-out-requires-in-progress" },
        { WorkOrderStatus.Closed, BoardAction.FollowUpVisit, "workorder.follow-up-requires-completed" },
        { WorkOrderStatus.Closed, BoardAction.Cancel, "workorder.cancel-requires-not-started" },

        { WorkOrderStatus.Cancelled, BoardAction.Assign, "workorder.assign-requires-new" },
        { WorkOrderStatus.Cancelled, BoardAction.Reassign, "workorder.reassign-requires-assigned" },
        { WorkOrderStatus.Cancelled, BoardAction.CheckIn, "workorder.check-in-requires-assigned" },
        { WorkOrderStatus.Cancelled, BoardAction.CheckOut, "workorder.check-out-requires-in-progress" },
        { WorkOrderStatus.Cancelled, BoardAction.FollowUpVisit, "workorder.follow-up-requires-completed" },
        { WorkOrderStatus.Cancelled, BoardAction.Cancel, Unchanged },
    };

    [Fact]
    public void WhenMatrixIsListed_EveryStatusMeetsEveryAction()
    {
        var pairs = Matrix.Select(row => ((WorkOrderStatus)row[0], (BoardAction)row[1])).ToHashSet();

        pairs.Count.ShouldBe(WorkOrderStatuses.All.Count * Enum.GetValues<BoardAction>().Length);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void WhenActionIsTakenInStatus_ItLeadsWhereTheMatrixSays(WorkOrderStatus status, BoardAction action, string expected)
    {
        var workOrder = new WorkOrderBuilder().InStatus(status).Build();
        var historyBefore = workOrder.StatusHistory.Count;
        var now = Dispatch.FollowedUpAt.AddHours(1);

        void Act()
        {
            switch (action)
            {
                case BoardAction.Assign:
                    workOrder.AssignTo(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, now);
                    break;
                case BoardAction.Reassign:
                    workOrder.Reassign(Dispatch.OtherTechnician, technicianIsOnDuty: true, Dispatch.Dispatcher, now);
                    break;
                case BoardAction.CheckIn:
                    workOrder.CheckIn(Dispatch.Technician, now);
                    break;
                case BoardAction.CheckOut:
                    workOrder.CheckOut(Dispatch.Technician, Dispatch.Report(), now);
                    break;
                case BoardAction.FollowUpVisit:
                    workOrder.RecordFollowUpVisit(4, null, Dispatch.Agent, now);
                    break;
                default:
                    workOrder.Cancel("No longer needed.", Dispatch.Dispatcher, now);
                    break;
            }
        }

        if (Enum.TryParse<WorkOrderStatus>(expected, out var reached))
        {
            Act();
            workOrder.Status.ShouldBe(reached);
            workOrder.DomainEvents.Count.ShouldBe(1);
            workOrder.StatusHistory.Count.ShouldBe(historyBefore + 1);
            workOrder.StatusHistory.Last().To.ShouldBe(reached);
        }
        else if (expected == Unchanged)
        {
            Act();
            workOrder.Status.ShouldBe(status);
            workOrder.DomainEvents.ShouldBeEmpty();
            workOrder.StatusHistory.Count.ShouldBe(historyBefore);
        }
        else
        {
            var refusal = Dispatch.Refused(Act);
            refusal.Code.ShouldBe(expected);
            workOrder.Status.ShouldBe(status);
            workOrder.DomainEvents.ShouldBeEmpty();
            workOrder.StatusHistory.Count.ShouldBe(historyBefore);
        }
    }
}
