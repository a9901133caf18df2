using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.WorkOrders;

/// <summary>Two dispatchers assign the same new work order at the same moment, on real SQLite: one wins, the other is refused.</summary>
public sealed class WorkOrderAssignmentConflictTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    [Fact]
    public async Task WhenTwoDispatchersAssignTheSameOrderAtOnce_OneAssignmentIsStoredAndPublishedAndTheOtherGetsAConflict()
    {
        var tenant = DemoIds.DemoTenant;
        var id = DemoIds.NewOverdueRepair;
        var before = await database.SequenceOfAsync(tenant, Boards.WorkOrders);
        using var subscription = database.Feed.Subscribe(tenant.Value, Boards.WorkOrders);
        using var bothLoaded = new Barrier(2);

        var results = await Task.WhenAll(
            AssignAsync(id, DemoIds.Tech1, bothLoaded),
            AssignAsync(id, DemoIds.Tech2, bothLoaded));

        results.Count(r => r.Won).ShouldBe(1);
        results.Count(r => r.Conflict).ShouldBe(1);
        var winner = results.Single(r => r.Won).Technician;

        await using (var check = database.CreateFor(tenant))
        {
            var stored = await check.WorkOrders.SingleAsync(w => w.Id == id);
            stored.Status.ShouldBe(WorkOrderStatus.Assigned);
            stored.TechnicianId.ShouldBe(winner);
            stored.StatusHistory.Count(c => c.To == WorkOrderStatus.Assigned).ShouldBe(1);
        }

        var row = (await database.OutboxRowsAsync(tenant, Boards.WorkOrders, before)).ShouldHaveSingleItem();
        row.CardId.ShouldBe(id.Value);
        var published = await subscription.NextAsync();
        published.Sequence.ShouldBe(before + 1);
        published.OwnerId.ShouldBe(winner.Value);
        var card = WorkOrderCard.FromJson(published.CardJson!);
        card.Status.ShouldBe(WorkOrderStatus.Assigned);
        card.TechnicianId.ShouldBe(winner.Value);
        card.TechnicianName.ShouldBe(winner == DemoIds.Tech1 ? "Liu Yang" : "Zhao Lei");
        subscription.Reader.Buffered().ShouldBeEmpty("the refused assignment published nothing");
    }

    private async Task<(bool Won, bool Conflict, UserId Technician)> AssignAsync(WorkOrderId id, UserId technician, Barrier bothLoaded)
    {
        await using var db = database.CreateFor(DemoIds.DemoTenant);
        var workOrder = await db.WorkOrders.SingleAsync(w => w.Id == id);
        await Task.Run(() => bothLoaded.SignalAndWait(FeedReading.Guard));
        workOrder.AssignTo(technician, technicianIsOnDuty: true, DemoIds.Dispatcher, database.Clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync();
            return (true, false, technician);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (false, true, technician);
        }
    }
}
