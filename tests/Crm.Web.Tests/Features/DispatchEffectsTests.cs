using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.WorkOrders;
using Crm.Web.Identity;
using Crm.Web.Realtime;
using Crm.Web.Resources;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Features;

/// <summary>The dispatch board's effects over the demo database, signed in as the dispatcher (Chen Jing); others work meanwhile.</summary>
public sealed class DispatchEffectsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Dispatcher);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private DispatchEffects Effects => EffectsFor(_app.Services, _dispatcher);

    [Fact]
    public async Task WhenTheDispatcherAssignsANewOrder_ItIsSavedForTech1AndTech1IsNotified()
    {
        var card = await CardAsync(DemoIds.NewInstallation);

        await Effects.HandleAssign(new AssignWorkOrderAction(card.Id, DemoIds.Tech1.Value, card.Version), _dispatcher);

        var saved = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderSavedAction>();
        saved.Card.Status.ShouldBe(WorkOrderStatus.Assigned);
        saved.Card.TechnicianName.ShouldBe("Liu Yang");
        saved.Card.Version.ShouldBe(card.Version + 1);
        saved.Message.ShouldBe("Saved: Assigned.");
        await using var db = _app.Database.OpenDemo();
        var notification = await db.Notifications.AsNoTracking().SingleAsync(n => n.RecipientId == DemoIds.Tech1 && n.MessageKey == WorkOrderCommands.AssignedMessageKey);
        notification.ArgumentList().ShouldBe(["Chen Jing", card.CustomerName, card.Address]);
        notification.Link.ShouldBe("/my/work-orders");
    }

    [Fact]
    public async Task WhenAnotherDispatcherAssignedTheOrderFirst_TheSecondIsToldWhoAndNothingIsOverwritten()
    {
        var seen = await CardAsync(DemoIds.NewInstallation);
        await using (var manager = _app.OpenCircuit(DemoUsers.Manager))
        {
            var outcome = await manager.ServiceProvider.GetRequiredService<WorkOrderCommands>().AssignAsync(seen.Id, DemoIds.Tech2.Value, seen.Version, overCapacityConfirmed: true);
            outcome.Done.ShouldNotBeNull();
        }

        _app.Clock.Advance(TimeSpan.FromSeconds(5));

        await Effects.HandleAssign(new AssignWorkOrderAction(seen.Id, DemoIds.Tech1.Value, seen.Version), _dispatcher);

        var refused = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderRefusedAction>();
        refused.Reason.ShouldBe("Not saved: Wang Fang assigned this work order to Zhao Lei 5 s ago.");
        refused.Current!.TechnicianId.ShouldBe(DemoIds.Tech2.Value);
        (await CardAsync(DemoIds.NewInstallation)).TechnicianId.ShouldBe(DemoIds.Tech2.Value);
    }

    [Fact]
    public async Task WhenTech2IsAtCapacity_TheDispatcherIsAskedFirstAndAConfirmedAssignmentRecordsTheOverride()
    {
        var card = await CardAsync(DemoIds.NewInstallation);

        await Effects.HandleAssign(new AssignWorkOrderAction(card.Id, DemoIds.Tech2.Value, card.Version), _dispatcher);

        var asked = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderOverCapacityAction>();
        asked.Open.ShouldBe(3);
        asked.Capacity.ShouldBe(3);
        (await CardAsync(DemoIds.NewInstallation)).Status.ShouldBe(WorkOrderStatus.New);

        await Effects.HandleAssign(new AssignWorkOrderAction(card.Id, DemoIds.Tech2.Value, card.Version, OverCapacityConfirmed: true), _dispatcher);

        var saved = _dispatcher.Actions[^1].ShouldBeOfType<WorkOrderSavedAction>().Card;
        saved.TechnicianId.ShouldBe(DemoIds.Tech2.Value);
        saved.CapacityOverridden.ShouldBeTrue();
    }

    [Fact]
    public async Task WhenATechnicianIsOffDuty_AssigningThemIsRefusedInWords()
    {
        var card = await CardAsync(DemoIds.NewInstallation);
        await Effects.HandleSetOffDuty(new SetTechnicianOffDutyAction(DemoIds.Tech1.Value, OffDuty: true), _dispatcher);
        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<TechnicianUpdatedAction>().Technician.IsOffDuty.ShouldBeTrue();

        await Effects.HandleAssign(new AssignWorkOrderAction(card.Id, DemoIds.Tech1.Value, card.Version), _dispatcher);

        _dispatcher.Actions[^1].ShouldBeOfType<WorkOrderRefusedAction>().Reason.ShouldBe("The technician is off duty and cannot be assigned.");
        (await CardAsync(DemoIds.NewInstallation)).Status.ShouldBe(WorkOrderStatus.New);
    }

    [Fact]
    public async Task WhenTheDispatcherTriesToCheckInForTheTechnician_ItIsRefusedBecauseOnlyTheTechnicianMay()
    {
        var card = await CardAsync(DemoIds.Tech1Assigned);

        await Effects.HandleMove(new MoveWorkOrderAction(card.Id, WorkOrderStatus.InProgress, card.Version), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderRefusedAction>().Reason
            .ShouldBe("Only the technician assigned to the work order can check in or out.");
    }

    [Fact]
    public async Task WhenTheDispatcherRecordsTheFollowUpVisit_ItIsRefusedBecauseItIsTheSupervisors()
    {
        var card = await CardAsync(DemoIds.Tech1Completed);

        await Effects.HandleMove(new MoveWorkOrderAction(card.Id, WorkOrderStatus.Closed, card.Version, new WorkOrderDetails(Satisfaction: 5)), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderRefusedAction>().Reason.ShouldBe("Only a supervisor records the follow-up visit.");
        (await CardAsync(DemoIds.Tech1Completed)).Status.ShouldBe(WorkOrderStatus.Completed);
    }

    [Fact]
    public async Task WhenTheManagerRecordsTheFollowUpVisit_TheOrderIsClosedWithTheRating()
    {
        await using var manager = _app.OpenCircuit(DemoUsers.Manager);
        var recorder = new RecordingDispatcher();
        var card = (await manager.ServiceProvider.GetRequiredService<WorkOrderCommands>().LoadCardAsync(DemoIds.Tech1Completed.Value)).ShouldNotBeNull();

        await EffectsFor(manager.ServiceProvider, recorder)
            .HandleMove(new MoveWorkOrderAction(card.Id, WorkOrderStatus.Closed, card.Version, new WorkOrderDetails(Satisfaction: 4, Comment: "On time.")), recorder);

        var closed = recorder.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderSavedAction>().Card;
        closed.Status.ShouldBe(WorkOrderStatus.Closed);
        closed.Satisfaction.ShouldBe(4);
    }

    [Fact]
    public async Task WhenTheDispatcherOpensAWorkOrder_ItIsNewInTheCustomersShopAndDueByTheSlaOfItsPriority()
    {
        var input = new NewWorkOrder(DemoIds.Customer(3).Value, WorkOrderType.Inspection, WorkOrderPriority.Urgent, "上海市青浦区华新镇华志路 1588 号", "Pallets bend under load.");

        await Effects.HandleCreate(new CreateWorkOrderAction(input), _dispatcher);

        var card = _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderSavedAction>().Card;
        card.Status.ShouldBe(WorkOrderStatus.New);
        card.ShopId.ShouldBe(DemoIds.JdShop.Value);
        card.SlaDueAt.ShouldBe(_app.Clock.GetUtcNow().AddHours(4));
        (await CardAsync(new WorkOrderId(card.Id))).ShouldBe(card);
    }

    [Fact]
    public async Task WhenTheAddressIsMissing_TheWorkOrderIsRefusedInWordsAndNothingIsStored()
    {
        await using var before = _app.Database.OpenDemo();
        var count = await before.WorkOrders.CountAsync();

        await Effects.HandleCreate(new CreateWorkOrderAction(new NewWorkOrder(DemoIds.Customer(3).Value, WorkOrderType.Repair, WorkOrderPriority.Normal, "  ", "Broken pallets.")), _dispatcher);

        _dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<WorkOrderRefusedAction>().Reason.ShouldBe("An address is required.");
        await using var after = _app.Database.OpenDemo();
        (await after.WorkOrders.CountAsync()).ShouldBe(count);
    }

    private static DispatchEffects EffectsFor(IServiceProvider services, RecordingDispatcher dispatcher) => new(
        services.GetRequiredService<WorkOrderCommands>(),
        new DispatchLive(
            services.GetRequiredService<IBoardFeed>(), services.GetRequiredService<WorkOrderCommands>(), services.GetRequiredService<CurrentUser>(),
            services.GetRequiredService<PresenceTracker>(), dispatcher),
        services.GetRequiredService<RuleMessages>(),
        services.GetRequiredService<IStringLocalizer<SharedResource>>(),
        services.GetRequiredService<TimeProvider>());

    private async Task<WorkOrderCard> CardAsync(WorkOrderId id) =>
        (await _app.Get<WorkOrderCommands>().LoadCardAsync(id.Value)).ShouldNotBeNull();
}
