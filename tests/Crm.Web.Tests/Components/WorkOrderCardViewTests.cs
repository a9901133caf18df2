using Bunit;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Tests.Support;

namespace Crm.Web.Tests.Components;

/// <summary>The dispatch card: customer, type, priority, address, SLA countdown, overdue highlight, "Assign to…" and "Move to…".</summary>
public sealed class WorkOrderCardViewTests : ComponentTestBase
{
    private static readonly DateTimeOffset Now = Samples.Now;

    [Fact]
    public void WhenACardIsShown_ItHasCustomerTypePriorityAddressAndTheTimeLeft()
    {
        var card = Samples.WorkOrder(priority: WorkOrderPriority.Urgent, type: WorkOrderType.Installation, dueAt: Now.AddHours(3).AddMinutes(20), customerName: "JD Logistics");

        var host = RenderCard(card);

        host.Find($"[data-testid=card-customer-{card.Id}]").TextContent.ShouldBe("JD Logistics");
        host.Find($"[data-testid=card-type-{card.Id}]").TextContent.Trim().ShouldBe("Installation");
        host.Find($"[data-testid=card-priority-{card.Id}]").TextContent.Trim().ShouldBe("Urgent");
        host.Find($"[data-testid=card-address-{card.Id}]").TextContent.ShouldBe(card.Address);
        host.Find($"[data-testid=card-sla-{card.Id}]").TextContent.Trim().ShouldBe("due in 3 h 20 min");
        host.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-overdue").ShouldBe("false");
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldNotContain("crm-card-stale");
    }

    [Fact]
    public void WhenAnOpenOrderIsPastItsDueTime_ItIsHighlightedAndSaysByHowMuch()
    {
        var card = Samples.WorkOrder(WorkOrderStatus.Assigned, technician: Samples.Technician1, dueAt: Now.AddDays(-1).AddHours(-2));

        var host = RenderCard(card);

        host.Find($"[data-testid=card-sla-{card.Id}]").TextContent.Trim().ShouldBe("overdue by 1 d 2 h");
        host.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-overdue").ShouldBe("true");
        host.Find($"[data-testid=card-{card.Id}]").ClassList.ShouldContain("crm-card-stale");
    }

    [Fact]
    public void WhenACompletedOrderWasDoneLate_ItIsNotOverdueButSaysDoneLate()
    {
        var card = Samples.WorkOrder(WorkOrderStatus.Completed, technician: Samples.Technician1, dueAt: Now.AddHours(-5), checkedInAt: Now.AddHours(-4), checkedOutAt: Now.AddHours(-3));

        var host = RenderCard(card);

        host.Find($"[data-testid=card-sla-{card.Id}]").TextContent.Trim().ShouldBe("done late");
        host.Find($"[data-testid=card-{card.Id}]").GetAttribute("data-overdue").ShouldBe("false");
    }

    [Fact]
    public async Task WhenADispatcherOpensTheMenu_ItOffersEachOnDutyTechnicianAndRaisesTheChosenOne()
    {
        var card = Samples.WorkOrder();
        var offDuty = new TechnicianOption(Guid.NewGuid(), "tech3@demo.local", "Sun Qi", IsOffDuty: true, DailyCapacity: 4);
        var chosen = new List<Guid>();
        var host = RenderCard(card, [Samples.Technician1, Samples.Technician2, offDuty], canDispatch: true, onAssign: chosen.Add);

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid='card-assign-{card.Id}-tech1@demo.local']"));
        host.Find($"[data-testid='card-assign-{card.Id}-tech1@demo.local']").TextContent.Trim().ShouldBe("Assign to Liu Yang");
        host.Find($"[data-testid='card-assign-{card.Id}-tech3@demo.local']").ClassList.ShouldContain("mud-disabled");
        host.FindAll($"[data-testid^=card-move-{card.Id}-]").Select(i => i.GetAttribute("data-testid")![$"card-move-{card.Id}-".Length..])
            .ShouldBe(["assigned", "in-progress", "completed", "closed", "cancelled"]);

        await ClickAsync(host, $"[data-testid='card-assign-{card.Id}-tech2@demo.local']");

        chosen.ShouldBe([Samples.Technician2.Id]);
    }

    [Fact]
    public async Task WhenATechnicianOpensTheMenu_ThereIsNoAssignToButMoveToRaisesTheStatus()
    {
        var card = Samples.WorkOrder(WorkOrderStatus.Assigned, technician: Samples.Technician1);
        var moved = new List<WorkOrderStatus>();
        var host = RenderCard(card, canDispatch: false, onMoveTo: moved.Add);

        await ClickAsync(host, $"[data-testid=card-menu-{card.Id}] button");
        host.WaitForAssertion(() => host.Find($"[data-testid=card-move-{card.Id}-in-progress]"));
        host.FindAll($"[data-testid^=card-assign-{card.Id}-]").ShouldBeEmpty();

        await ClickAsync(host, $"[data-testid=card-move-{card.Id}-in-progress]");

        moved.ShouldBe([WorkOrderStatus.InProgress]);
    }

    private IRenderedComponent<WithPopovers> RenderCard(
        WorkOrderCard card,
        IReadOnlyList<TechnicianOption>? technicians = null,
        bool canDispatch = true,
        Action<Guid>? onAssign = null,
        Action<WorkOrderStatus>? onMoveTo = null) =>
        RenderWithPopovers<WorkOrderCardView>(p => p
            .Add(c => c.Card, card)
            .Add(c => c.Now, Now)
            .Add(c => c.Technicians, technicians ?? [Samples.Technician1, Samples.Technician2])
            .Add(c => c.CanDispatch, canDispatch)
            .Add(c => c.OnAssign, onAssign ?? (_ => { }))
            .Add(c => c.OnMoveTo, onMoveTo ?? (_ => { })));
}
