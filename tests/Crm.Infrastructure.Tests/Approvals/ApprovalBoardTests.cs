using Crm.Domain.Approvals;
using Crm.Domain.Organization;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Realtime;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Approvals;

/// <summary>
/// Every step of an approval request rides the live engine unchanged: it is numbered on the "approvals"
/// board with the fields the board shows, and the people to tell are notified in the same save.
/// </summary>
public sealed class ApprovalBoardTests(LiveDemoDatabase database) : IClassFixture<LiveDemoDatabase>
{
    private static readonly TenantId Demo = DemoIds.DemoTenant;

    [Fact]
    public async Task WhenARequestIsSubmitted_ItIsAddedToTheBoardWithItsCardAndTheApproversAreNotified()
    {
        var before = await database.SequenceOfAsync(Demo, Boards.Approvals);
        using var board = database.Feed.Subscribe(Demo.Value, Boards.Approvals);
        using var bell = database.Feed.Subscribe(Demo.Value, NotificationCard.Board);
        var id = ApprovalRequestId.New();

        await SubmitAsync(id, DemoIds.TmallShop, DemoIds.Rep1, "上海顺达物流有限公司", "Asked for 800 pallets last week");

        var row = (await database.OutboxRowsAsync(Demo, Boards.Approvals, before)).ShouldHaveSingleItem();
        row.Sequence.ShouldBe(before + 1);
        row.CardId.ShouldBe(id.Value);
        var received = await board.NextAsync();
        received.Sequence.ShouldBe(before + 1);
        received.Kind.ShouldBe(BoardEventKinds.Added);
        received.ShopId.ShouldBe(DemoIds.TmallShop.Value);
        received.OwnerId.ShouldBe(DemoIds.Rep1.Value);
        var card = ApprovalCard.FromJson(received.CardJson.ShouldNotBeNull());
        card.ShouldBe(new ApprovalCard(
            id.Value, 1, ApprovalKind.PoolClaim, ApprovalStatus.Pending, "Customer", DemoIds.Customer(3).Value, "上海顺达物流有限公司",
            "Asked for 800 pallets last week", DemoIds.Rep1.Value, "Li Wei", DemoIds.TmallShop.Value, database.Clock.GetUtcNow(), null, null, null, null));

        // The approvers of a Tmall request: the head-office manager and admin (no shop manager in the demo).
        var told = await bell.NextAsync(2);
        told.Select(e => e.OwnerId).Order().ShouldBe([DemoIds.Admin.Value, DemoIds.Manager.Value]);
        var notice = NotificationCard.FromJson(told[0].CardJson!);
        notice.MessageKey.ShouldBe(ApprovalNotifications.Requested);
        notice.Arguments.ShouldBe(["Li Wei", "ApprovalKind.PoolClaim", "上海顺达物流有限公司", "Asked for 800 pallets last week"]);
        notice.Link.ShouldBe("/boards/approvals");
        bell.Reader.Buffered().ShouldBeEmpty("the requester is not told about their own request");
    }

    [Fact]
    public async Task WhenOneClaimIsApprovedAndItsCompetitorRejectedAutomaticallyInOneSave_BothMoveInSequenceAndEachRequesterIsTold()
    {
        var winner = ApprovalRequestId.New();
        var loser = ApprovalRequestId.New();
        await SubmitAsync(winner, DemoIds.TmallShop, DemoIds.Rep1, "苏州恒通仓储", "Visited them on Monday", customer: 4);
        await SubmitAsync(loser, DemoIds.JdShop, DemoIds.Rep2, "苏州恒通仓储", "They called the JD shop", customer: 4);
        var before = await database.SequenceOfAsync(Demo, Boards.Approvals);
        using var board = database.Feed.Subscribe(Demo.Value, Boards.Approvals);
        using var bell = database.Feed.Subscribe(Demo.Value, NotificationCard.Board);
        database.Clock.Advance(TimeSpan.FromMinutes(30));

        await using (var db = database.CreateFor(Demo))
        {
            var requests = await db.ApprovalRequests.Where(r => r.Id == winner || r.Id == loser).ToListAsync();
            var now = database.Clock.GetUtcNow();
            requests.Single(r => r.Id == winner).Approve(DemoIds.Manager, "Go ahead.", now);
            requests.Single(r => r.Id == loser).RejectAutomatically("Li Wei's claim on this customer was approved.", now);
            await db.SaveChangesAsync();
        }

        var moved = await board.NextAsync(2);
        moved.Select(e => e.Sequence).ShouldBe([before + 1, before + 2]);
        moved.ShouldAllBe(e => e.Kind == BoardEventKinds.Moved);
        var approved = ApprovalCard.FromJson(moved.Single(e => e.CardId == winner.Value).CardJson!);
        approved.Status.ShouldBe(ApprovalStatus.Approved);
        approved.Version.ShouldBe(2);
        approved.DeciderName.ShouldBe("Wang Fang");
        approved.Comment.ShouldBe("Go ahead.");
        approved.DecidedAt.ShouldBe(database.Clock.GetUtcNow());
        var rejected = ApprovalCard.FromJson(moved.Single(e => e.CardId == loser.Value).CardJson!);
        rejected.Status.ShouldBe(ApprovalStatus.Rejected);
        rejected.IsAutomatic.ShouldBeTrue();
        rejected.DeciderName.ShouldBeNull();
        rejected.Comment.ShouldBe("Li Wei's claim on this customer was approved.");

        // Each requester, and the approvers of each request (admin and manager), once per step.
        var told = (await bell.NextAsync(6)).Select(e => NotificationCard.FromJson(e.CardJson!)).ToList();
        told.Single(n => n.RecipientId == DemoIds.Rep1.Value).ShouldSatisfyAllConditions(
            n => n.MessageKey.ShouldBe(ApprovalNotifications.Approved),
            n => n.Arguments.ShouldBe(["Wang Fang", "ApprovalKind.PoolClaim", "苏州恒通仓储", "Go ahead."]));
        told.Single(n => n.RecipientId == DemoIds.Rep2.Value).ShouldSatisfyAllConditions(
            n => n.MessageKey.ShouldBe(ApprovalNotifications.RejectedAutomatically),
            n => n.Arguments.ShouldBe(["ApprovalKind.PoolClaim", "苏州恒通仓储", "Li Wei's claim on this customer was approved."]));
        told.Where(n => n.RecipientId == DemoIds.Manager.Value).Select(n => n.MessageKey).Order()
            .ShouldBe([ApprovalNotifications.DecidedApproved, ApprovalNotifications.DecidedAutomatically]);
        told.Where(n => n.RecipientId == DemoIds.Admin.Value).Select(n => n.MessageKey).Order()
            .ShouldBe([ApprovalNotifications.DecidedApproved, ApprovalNotifications.DecidedAutomatically]);
    }

    [Fact]
    public async Task WhenTheSaveOfADecisionFails_NoNotificationNoBoardEventAndNoSequenceRemain()
    {
        var id = ApprovalRequestId.New();
        await SubmitAsync(id, DemoIds.TmallShop, DemoIds.Rep1, "杭州万达物流", "Met them at the fair", customer: 5);
        var sequence = await database.SequenceOfAsync(Demo, Boards.Approvals);
        var bellSequence = await database.SequenceOfAsync(Demo, NotificationCard.Board);
        var notifications = await NotificationCountAsync();

        await using (var stale = database.CreateFor(Demo))
        {
            var request = await stale.ApprovalRequests.SingleAsync(r => r.Id == id);
            await using (var first = database.CreateFor(Demo))
            {
                (await first.ApprovalRequests.SingleAsync(r => r.Id == id)).Reject(DemoIds.Admin, "Not our region.", database.Clock.GetUtcNow());
                await first.SaveChangesAsync();
            }

            sequence++;
            bellSequence += 3;
            request.Approve(DemoIds.Manager, null, database.Clock.GetUtcNow());
            await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await stale.SaveChangesAsync());
        }

        (await database.SequenceOfAsync(Demo, Boards.Approvals)).ShouldBe(sequence);
        (await database.SequenceOfAsync(Demo, NotificationCard.Board)).ShouldBe(bellSequence);
        (await NotificationCountAsync()).ShouldBe(notifications + 3, "only the rejection's three notifications exist");
        await using var check = database.CreateFor(Demo);
        (await check.ApprovalRequests.SingleAsync(r => r.Id == id)).Status.ShouldBe(ApprovalStatus.Rejected);
    }

    private async Task SubmitAsync(ApprovalRequestId id, ShopId shop, UserId requester, string title, string reason, int customer = 3)
    {
        await using var db = database.CreateFor(Demo);
        db.ApprovalRequests.Add(ApprovalRequest.Submit(
            id, Demo, shop, ApprovalKind.PoolClaim, ApprovalSubject.Create("Customer", DemoIds.Customer(customer).Value, title), requester, reason,
            database.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<int> NotificationCountAsync()
    {
        await using var db = database.CreateFor(Demo);
        return await db.Notifications.CountAsync();
    }
}
