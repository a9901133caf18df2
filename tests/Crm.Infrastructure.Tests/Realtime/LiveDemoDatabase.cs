using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Infrastructure.Seeding;
using Crm.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Infrastructure.Tests.Realtime;

/// <summary>
/// The demo data on a real database with the live engine wired like CrmServices.AddLiveBoards:
/// an in-process feed (that a test can make fail) or another feed, the board outbox and both projectors.
/// One per test class.
/// </summary>
public class LiveDemoDatabase : TestDatabase
{
    public LiveDemoDatabase()
        : this(services =>
        {
            services.AddSingleton<SwitchableBoardFeed>();
            services.AddSingleton<IBoardFeed>(sp => sp.GetRequiredService<SwitchableBoardFeed>());
        })
    {
    }

    /// <param name="addFeed">Registers the IBoardFeed (the switchable in-process one, or Redis).</param>
    protected LiveDemoDatabase(Action<IServiceCollection> addFeed)
        : base(services =>
        {
            addFeed(services);
            AddLiveEngine(services);
        })
    {
    }

    /// <summary>The switchable in-process feed (of the default wiring).</summary>
    public SwitchableBoardFeed Feed => Services.GetRequiredService<SwitchableBoardFeed>();

    public BoardOutbox Outbox => Model.Outbox ?? throw new InvalidOperationException("The outbox is not wired.");

    public override async Task InitializeAsync()
    {
        await MigrateAsync();
        await DemoSeeding.SeedAsync(Services);
    }

    /// <summary>Loads the opportunity in a context of its own, moves it as its owner and saves (the real pipeline).</summary>
    public async Task<Opportunity> MoveAsync(TenantId tenant, OpportunityId id, OpportunityStage target, CancellationToken cancellationToken = default)
    {
        await using var db = CreateFor(tenant);
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == id, cancellationToken);
        opportunity.MoveTo(target, StageBlueprint.Default, opportunity.OwnerId, actorIsManager: false, Clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return opportunity;
    }

    public async Task<long> SequenceOfAsync(TenantId tenant, string board)
    {
        await using var db = CreateFor(tenant);
        return await OpportunityCards.CurrentSequenceAsync(db, board, CancellationToken.None);
    }

    public async Task<List<OutboxMessage>> OutboxRowsAsync(TenantId tenant, string board, long afterSequence = 0)
    {
        // Rows are marked sent in the background, batched: wait for that bookkeeping first.
        await Outbox.FlushAsync();
        await using var db = CreateSystem();
        return await db.OutboxMessages.AsNoTracking()
            .Where(m => m.TenantId == tenant.Value && m.Board == board && m.Sequence > afterSequence)
            .OrderBy(m => m.Sequence)
            .ToListAsync();
    }

    /// <summary>Outbox rows of any tenant and board not marked sent (once the background marking is done).</summary>
    public async Task<List<OutboxMessage>> UnsentOutboxRowsAsync()
    {
        await Outbox.FlushAsync();
        await using var db = CreateSystem();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.PublishedAt == null).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>Open opportunities of the tenant in <paramref name="stage"/>, by id, for tests that move cards back and forth.</summary>
    public async Task<List<OpportunityId>> OpportunitiesInAsync(TenantId tenant, OpportunityStage stage, int count)
    {
        await using var db = CreateFor(tenant);
        var ids = await db.Opportunities.Where(o => o.Stage == stage).Select(o => o.Id).ToListAsync();
        ids.Count.ShouldBeGreaterThanOrEqualTo(count, $"the demo data has too few opportunities in {stage}");
        return [.. ids.OrderBy(id => id.Value).Take(count)];
    }

    private static void AddLiveEngine(IServiceCollection services)
    {
        services.AddSingleton<BoardOutbox>();
        services.AddSingleton<IBoardProjector, OpportunityBoardProjector>();
        services.AddSingleton<IBoardProjector, WorkOrderBoardProjector>();
        services.AddSingleton<IBoardProjector, NotificationProjector>();
        services.AddSingleton<IBoardProjector, ApprovalBoardProjector>();
        services.AddSingleton<ISaveReaction, ApprovalNotifications>();
    }
}

/// <summary>The in-process feed, except that a test can make publishing fail (a feed that is down, a crash before publish).</summary>
public sealed class SwitchableBoardFeed : IBoardFeed
{
    private readonly InProcessBoardFeed _inner = new();
    private volatile bool _down;
    private int _failedPublishes;

    public int FailedPublishes => Volatile.Read(ref _failedPublishes);

    /// <summary>Runs before each delivery, on the publisher's path: a test looks at the database as the publisher sees it.</summary>
    public Func<BoardEvent, Task>? BeforeDelivery { get; set; }

    /// <summary>While down, every publish fails; the change itself is committed regardless.</summary>
    public IDisposable GoDown()
    {
        _down = true;
        return new Restore(this);
    }

    public async ValueTask PublishAsync(BoardEvent boardEvent, CancellationToken cancellationToken = default)
    {
        if (_down)
        {
            Interlocked.Increment(ref _failedPublishes);
            throw new IOException("The board feed is down.");
        }

        if (BeforeDelivery is { } observe)
        {
            await observe(boardEvent);
        }

        await _inner.PublishAsync(boardEvent, cancellationToken);
    }

    public BoardSubscription Subscribe(Guid tenantId, string board) => _inner.Subscribe(tenantId, board);

    public BoardSubscription SubscribeAll() => _inner.SubscribeAll();

    private sealed class Restore(SwitchableBoardFeed feed) : IDisposable
    {
        public void Dispose() => feed._down = false;
    }
}
