using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.Approvals;
using Crm.Web.Identity;
using Crm.Web.Resources;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Features;

/// <summary>
/// The approvals board's use cases over the demo database: who sees which request, who may decide, and a
/// decision with its kind's outcome saved together or not at all. The demo holds rep2's pending pool claim (JD shop).
/// </summary>
public sealed class ApprovalCommandsTests : IAsyncLifetime
{
    /// <summary>A manager of the Tmall shop only (the demo's manager works at head office).</summary>
    private static readonly DemoUser TmallManager =
        new(new UserId(Guid.Parse("0b1c0000-0000-4000-8fff-000000000001")), "tmall.manager@demo.local", "Sun Qi", Roles.Manager, HeadOffice: false, [DemoIds.TmallShop]);

    private readonly AppServices _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task WhenARepLoadsTheBoard_OnlyTheirOwnRequestsShow()
    {
        var own = await SubmitAsync(DemoIds.Rep1, DemoIds.TmallShop);
        _app.SignIn(DemoUsers.Rep1);

        var load = await Commands().LoadBoardAsync();

        var rep1s = await StoredIdsAsync(r => r.RequesterId == DemoIds.Rep1);
        rep1s.ShouldContain(own.Value);
        load.Cards.Select(c => c.Id).ShouldBe(rep1s, ignoreOrder: true);
        load.Cards.ShouldNotContain(c => c.Id == DemoIds.Rep2PendingClaim.Value, "rep2's claim is of another rep");
    }

    [Fact]
    public async Task WhenAShopManagerLoadsTheBoard_RequestsOfTheirShopShowAndOtherShopsDoNot()
    {
        var tmall = await SubmitAsync(DemoIds.Rep1, DemoIds.TmallShop);
        _app.SignIn(TmallManager);

        var load = await Commands().LoadBoardAsync();

        load.Cards.ShouldContain(c => c.Id == tmall.Value);
        load.Cards.ShouldAllBe(c => c.ShopId == DemoIds.TmallShop.Value, "the demo's after-sales requests of the Tmall shop show too, nothing of JD");
        ApprovalCommands.CanSee(Scope(), Samples.Approval() with { RequesterId = DemoIds.Rep2.Value, ShopId = DemoIds.JdShop.Value }).ShouldBeFalse();
    }

    [Fact]
    public async Task WhenHeadOfficeLoadsTheBoard_EveryShopsRequestsShowWithTheSequence()
    {
        var tmall = await SubmitAsync(DemoIds.Rep1, DemoIds.TmallShop);
        _app.SignIn(DemoUsers.Manager);

        var load = await Commands().LoadBoardAsync();

        var every = await StoredIdsAsync(_ => true);
        every.ShouldContain(tmall.Value);
        every.ShouldContain(DemoIds.Rep2PendingClaim.Value);
        load.Cards.Select(c => c.Id).ShouldBe(every, ignoreOrder: true);
        load.Cards.Select(c => c.ShopId).Distinct().Count().ShouldBeGreaterThan(1, "the requests come from several shops");
        var seeded = load.Cards.Single(c => c.Id == DemoIds.Rep2PendingClaim.Value);
        seeded.RequesterName.ShouldBe("Zhang Min");
        seeded.Status.ShouldBe(ApprovalStatus.Pending);
        load.Sequence.ShouldBe(1, "one request was submitted on the live engine");
    }

    [Fact]
    public async Task WhenAManagerApproves_TheRequestIsApprovedAndTheRequesterIsNotified()
    {
        _app.SignIn(DemoUsers.Manager);
        var card = await CardAsync(DemoIds.Rep2PendingClaim);

        var outcome = await Commands().DecideAsync(card.Id, ApprovalDecision.Approve, "Follow up this week.", card.Version);

        var decided = outcome.Decided.ShouldNotBeNull();
        decided.Status.ShouldBe(ApprovalStatus.Approved);
        decided.DeciderName.ShouldBe("Wang Fang");
        decided.Comment.ShouldBe("Follow up this week.");
        decided.Version.ShouldBe(card.Version + 1);
        var stored = await StoredAsync(DemoIds.Rep2PendingClaim);
        stored.Status.ShouldBe(ApprovalStatus.Approved);
        stored.DecidedById.ShouldBe(DemoIds.Manager);
        (await NotificationsOfAsync(DemoIds.Rep2)).ShouldContain(ApprovalNotifications.Approved);
    }

    [Fact]
    public async Task WhenHeadOfficeFinanceLoadsTheBoard_EveryRequestShowsButNoneCanBeDecided()
    {
        _app.SignIn(new DemoUser(DemoIds.Finance, "finance@demo.local", "Sun Li", Roles.Finance, HeadOffice: true, [DemoIds.TmallShop, DemoIds.JdShop]));

        var load = await Commands().LoadBoardAsync();
        var outcome = await Commands().DecideAsync(DemoIds.Rep2PendingClaim.Value, ApprovalDecision.Approve, null, 1);

        load.Cards.Select(c => c.Id).ShouldBe(await StoredIdsAsync(_ => true), ignoreOrder: true);
        load.Cards.ShouldContain(c => c.Id == DemoIds.Rep2PendingClaim.Value);
        ApprovalCommands.CanDecide(Scope()).ShouldBeFalse();
        outcome.Refusal.ShouldNotBeNull().Code.ShouldBe("approval.not-an-approver");
        (await StoredAsync(DemoIds.Rep2PendingClaim)).Status.ShouldBe(ApprovalStatus.Pending);
    }

    [Fact]
    public async Task WhenARepTriesToDecide_ItIsRefusedAndNothingChanges()
    {
        var request = await SubmitAsync(DemoIds.Rep2, DemoIds.JdShop);
        _app.SignIn(DemoUsers.Rep2);

        var outcome = await Commands().DecideAsync(request.Value, ApprovalDecision.Approve, null, 1);

        outcome.Refusal.ShouldNotBeNull().Code.ShouldBe("approval.not-an-approver");
        (await StoredAsync(request)).Status.ShouldBe(ApprovalStatus.Pending);
    }

    [Fact]
    public async Task WhenAManagerApprovesTheirOwnRequest_ItIsRefusedAndNothingIsSaved()
    {
        var own = await SubmitAsync(DemoIds.Manager, DemoIds.TmallShop);
        _app.SignIn(DemoUsers.Manager);
        var sequence = await SequenceAsync(Boards.Approvals);

        var outcome = await Commands().DecideAsync(own.Value, ApprovalDecision.Approve, null, 1);

        outcome.Refusal.ShouldNotBeNull().Code.ShouldBe("approval.self-approval");
        outcome.Current.ShouldNotBeNull().Status.ShouldBe(ApprovalStatus.Pending);
        (await StoredAsync(own)).Status.ShouldBe(ApprovalStatus.Pending);
        (await SequenceAsync(Boards.Approvals)).ShouldBe(sequence);
        Describe(outcome.Refusal!).ShouldBe("Nobody can approve their own request.");
    }

    [Fact]
    public async Task WhenRejectingWithoutAComment_ItIsRefusedWithTheReasonToGiveOne()
    {
        _app.SignIn(DemoUsers.Manager);
        var card = await CardAsync(DemoIds.Rep2PendingClaim);

        var outcome = await Commands().DecideAsync(card.Id, ApprovalDecision.Reject, "  ", card.Version);

        Describe(outcome.Refusal.ShouldNotBeNull()).ShouldBe("A rejection needs a comment: the requester reads why.");
        (await StoredAsync(DemoIds.Rep2PendingClaim)).Status.ShouldBe(ApprovalStatus.Pending);
    }

    [Fact]
    public async Task WhenTheKindsOutcomeRefuses_NothingIsSavedNotTheDecisionNorANotification()
    {
        _app.SignIn(DemoUsers.Manager);
        var card = await CardAsync(DemoIds.Rep2PendingClaim);
        var sequence = await SequenceAsync(Boards.Approvals);
        var bell = await SequenceAsync(NotificationCard.Board);
        var refusing = new RefusingOutcome();

        var outcome = await Commands(refusing).DecideAsync(card.Id, ApprovalDecision.Approve, null, card.Version);

        refusing.Calls.ShouldBe(1);
        outcome.Refusal.ShouldNotBeNull().Code.ShouldBe("customer.capacity-full");
        outcome.Current.ShouldBe(card);
        var stored = await StoredAsync(DemoIds.Rep2PendingClaim);
        stored.Status.ShouldBe(ApprovalStatus.Pending);
        stored.Version.ShouldBe(card.Version);
        (await SequenceAsync(Boards.Approvals)).ShouldBe(sequence);
        (await SequenceAsync(NotificationCard.Board)).ShouldBe(bell);
        (await NotificationsOfAsync(DemoIds.Rep2)).ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenTheOutcomeRejectsACompetingRequest_BothAreSavedInTheOneDecision()
    {
        var competing = await SubmitAsync(DemoIds.Rep1, DemoIds.TmallShop, subject: DemoIds.Customer(18).Value);
        _app.SignIn(DemoUsers.Manager);
        var card = await CardAsync(DemoIds.Rep2PendingClaim);
        var customer18 = DemoIds.Customer(18).Value;
        // The demo may hold other claims on customer 18 (the pool's rep1 claim): they compete as well.
        var competitors = await StoredIdsAsync(r => r.Status == ApprovalStatus.Pending && r.Id != DemoIds.Rep2PendingClaim && r.Subject.Id == customer18);
        competitors.ShouldContain(competing.Value);
        competitors.ShouldAllBe(id => id != card.Id);
        var unrelated = await StoredIdsAsync(r => r.Status == ApprovalStatus.Pending && r.Subject.Id != customer18);
        unrelated.ShouldNotBeEmpty();

        var outcome = await Commands(new CompetitorsLose()).DecideAsync(card.Id, ApprovalDecision.Approve, null, card.Version);

        outcome.Decided.ShouldNotBeNull().Status.ShouldBe(ApprovalStatus.Approved);
        foreach (var id in competitors)
        {
            var lost = await StoredAsync(new ApprovalRequestId(id));
            lost.Status.ShouldBe(ApprovalStatus.Rejected);
            lost.DecidedById.ShouldBeNull();
            lost.Comment.ShouldBe("Another claim on this customer was approved.");
            lost.RequesterId.ShouldBe(DemoIds.Rep1);
        }

        (await StoredIdsAsync(r => r.Status == ApprovalStatus.Pending)).ShouldBe(unrelated, ignoreOrder: true);
        (await NotificationsOfAsync(DemoIds.Rep1)).ShouldBe(competitors.Select(_ => ApprovalNotifications.RejectedAutomatically));
        (await NotificationsOfAsync(DemoIds.Rep2)).ShouldBe([ApprovalNotifications.Approved]);
    }

    [Fact]
    public async Task WhenSomeoneDecidedFirst_TheConflictNamesThemAndNothingIsOverwritten()
    {
        _app.SignIn(DemoUsers.Admin);
        var seen = await CardAsync(DemoIds.Rep2PendingClaim);
        await using (var manager = _app.OpenCircuit(DemoUsers.Manager))
        {
            var first = await manager.ServiceProvider.GetRequiredService<ApprovalCommands>().DecideAsync(seen.Id, ApprovalDecision.Approve, "Yes.", seen.Version);
            first.Decided.ShouldNotBeNull();
        }

        _app.Clock.Advance(TimeSpan.FromMinutes(2));

        var outcome = await Commands().DecideAsync(seen.Id, ApprovalDecision.Reject, "Not our region.", seen.Version);

        var conflict = outcome.Conflict.ShouldNotBeNull();
        conflict.ActorName.ShouldBe("Wang Fang");
        conflict.Status.ShouldBe(ApprovalStatus.Approved);
        outcome.Current.ShouldNotBeNull().Status.ShouldBe(ApprovalStatus.Approved);
        (await StoredAsync(DemoIds.Rep2PendingClaim)).Comment.ShouldBe("Yes.");

        var dispatcher = new RecordingDispatcher();
        await Effects().HandleDecide(new DecideApprovalAction(seen.Id, ApprovalDecision.Reject, "Not our region.", seen.Version), dispatcher);
        var failed = dispatcher.Actions.ShouldHaveSingleItem().ShouldBeOfType<DecideApprovalFailedAction>();
        failed.Reason.ShouldBe("Wang Fang already decided this request (Approved) 2 min ago. Your decision was not saved.");
        failed.Current.ShouldNotBeNull().Status.ShouldBe(ApprovalStatus.Approved);
    }

    [Fact]
    public async Task WhenARequestOfAnotherShopIsDecidedByAShopManager_ItIsNotFound()
    {
        _app.SignIn(TmallManager);

        var outcome = await Commands().DecideAsync(DemoIds.Rep2PendingClaim.Value, ApprovalDecision.Approve, null, 1);

        outcome.Refusal.ShouldNotBeNull().Code.ShouldBe("approval.not-found");
        (await StoredAsync(DemoIds.Rep2PendingClaim)).Status.ShouldBe(ApprovalStatus.Pending);
    }

    private ApprovalCommands Commands(params IApprovalOutcome[] outcomes) => outcomes.Length == 0
        ? _app.Get<ApprovalCommands>()
        : new ApprovalCommands(_app.Get<IDbContextFactory<CrmDbContext>>(), _app.Get<CurrentUser>(), _app.Clock, outcomes);

    private ApprovalsEffects Effects() => new(
        _app.Get<ApprovalCommands>(),
        new ApprovalsLive(_app.Get<IBoardFeed>(), _app.Get<ApprovalCommands>(), _app.Get<CurrentUser>(), _app.Get<Crm.Web.Realtime.PresenceTracker>(), new RecordingDispatcher()),
        _app.Get<RuleMessages>(),
        _app.Get<IStringLocalizer<SharedResource>>(),
        _app.Clock);

    private string Describe(DomainRuleViolation violation) => _app.Get<RuleMessages>().Describe(violation);

    private UserScope Scope() => _app.Get<CurrentUser>().RequireScope();

    private async Task<ApprovalCard> CardAsync(ApprovalRequestId id) => (await Commands().LoadCardAsync(id.Value)).ShouldNotBeNull();

    /// <summary>Submits a request on the app's database (with the live engine), as another part of the app would.</summary>
    private async Task<ApprovalRequestId> SubmitAsync(UserId requester, ShopId shop, Guid? subject = null)
    {
        var id = ApprovalRequestId.New();
        await using var db = _app.Get<DatabaseModel>().CreateFor(DemoIds.DemoTenant);
        db.ApprovalRequests.Add(ApprovalRequest.Submit(
            id, DemoIds.DemoTenant, shop, ApprovalKind.PoolClaim, ApprovalSubject.Create("Customer", subject ?? DemoIds.Customer(3).Value, "上海顺达物流有限公司"),
            requester, "Asked for a quote", _app.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<ApprovalRequest> StoredAsync(ApprovalRequestId id)
    {
        await using var db = _app.Database.OpenDemo();
        return await db.ApprovalRequests.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<Guid>> StoredIdsAsync(System.Linq.Expressions.Expression<Func<ApprovalRequest, bool>> predicate)
    {
        await using var db = _app.Database.OpenDemo();
        return [.. (await db.ApprovalRequests.AsNoTracking().Where(predicate).Select(r => r.Id).ToListAsync()).Select(id => id.Value)];
    }

    private async Task<List<string>> NotificationsOfAsync(UserId recipient)
    {
        await using var db = _app.Database.OpenDemo();
        return await db.Notifications.AsNoTracking().Where(n => n.RecipientId == recipient && n.MessageKey.StartsWith("Notification.Approval")).Select(n => n.MessageKey).ToListAsync();
    }

    private async Task<long> SequenceAsync(string board)
    {
        await using var db = _app.Database.OpenDemo();
        return await OpportunityCards.CurrentSequenceAsync(db, board, CancellationToken.None);
    }

    /// <summary>Refuses every approval, as a pool claim does when the rep's private pool is full.</summary>
    private sealed class RefusingOutcome : IApprovalOutcome
    {
        public int Calls { get; private set; }

        public ApprovalKind Kind => ApprovalKind.PoolClaim;

        public Task OnApprovedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Calls++;
            throw new DomainRuleViolation("customer.capacity-full", "The private pool is full.");
        }

        public Task OnRejectedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Rejects the other pending requests on the same subject, as a pool claim's outcome does.</summary>
    private sealed class CompetitorsLose : IApprovalOutcome
    {
        public ApprovalKind Kind => ApprovalKind.PoolClaim;

        public async Task OnApprovedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var subject = request.Subject.Id;
            var others = await db.ApprovalRequests.Where(r => r.Id != request.Id && r.Status == ApprovalStatus.Pending).ToListAsync(cancellationToken);
            foreach (var other in others.Where(o => o.Subject.Id == subject))
            {
                other.RejectAutomatically("Another claim on this customer was approved.", now);
            }
        }

        public Task OnRejectedAsync(CrmDbContext db, ApprovalRequest request, DateTimeOffset now, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
