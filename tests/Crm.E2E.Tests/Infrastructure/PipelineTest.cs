using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.E2E.Tests.Pages;
using Crm.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Board = Crm.Web.Features.Opportunities.PipelinePage;

namespace Crm.E2E.Tests.Infrastructure;

/// <summary>A demo user as the board shows them: presence by e-mail, conflict notices by name.</summary>
public sealed record DemoUser(string Email, string DisplayName)
{
    public static DemoUser Admin { get; } = new("admin@demo.local", "Zhou Qiang");

    public static DemoUser Manager { get; } = new("manager@demo.local", "Wang Fang");

    public static DemoUser Rep1 { get; } = new("rep1@demo.local", "Li Wei");

    public static DemoUser Rep2 { get; } = new("rep2@demo.local", "Zhang Min");
}

/// <summary>Pipeline board tests: users signed in each in their own browser context, and the database to compare with.</summary>
public abstract class PipelineTest(BrowserFixture browser, CrmApp app) : BrowserTest(browser, app)
{
    /// <summary>Signs the user in from a fresh context and opens the board.</summary>
    protected async Task<PipelinePage> OpenBoardAsync(DemoUser user) => (await OpenAsync(user, link: false)).Board;

    /// <summary>Same, with the page's circuit connection routed through a <see cref="CircuitLink"/> the test can hold.</summary>
    protected async Task<(PipelinePage Board, CircuitLink Link)> OpenBoardThroughLinkAsync(DemoUser user)
    {
        var (board, link) = await OpenAsync(user, link: true);
        link!.Connections.ShouldBeGreaterThan(0, "the board's circuit must run over the routed WebSocket");
        return (board, link);
    }

    /// <summary>The opportunity as the database holds it now.</summary>
    protected async Task<Opportunity> StoredAsync(Guid id)
    {
        await using var db = App.DemoDatabase();
        var opportunityId = new OpportunityId(id);
        return await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == opportunityId);
    }

    /// <summary>How many opportunities of each column the database holds, all of them or one owner's (by column key).</summary>
    protected async Task<IReadOnlyDictionary<string, int>> StoredCountsAsync(UserId? owner = null)
    {
        await using var db = App.DemoDatabase();
        IQueryable<Opportunity> opportunities = db.Opportunities.AsNoTracking();
        if (owner is { } ownerId)
        {
            opportunities = opportunities.Where(o => o.OwnerId == ownerId);
        }

        var stages = await opportunities.Select(o => o.Stage).ToListAsync();
        return PipelinePage.Keys.ToDictionary(key => key, key => stages.Count(s => Board.KeyOf(s) == key));
    }

    /// <summary>
    /// A card of the owner that is still a lead (never the named fresh lead, which tests name
    /// themselves): each test that moves one out of Lead leaves the next test another.
    /// </summary>
    protected async Task<Guid> LeadOwnedByAsync(UserId owner)
    {
        await using var db = App.DemoDatabase();
        var ids = await db.Opportunities.AsNoTracking()
            .Where(o => o.OwnerId == owner && o.Stage == OpportunityStage.Lead && o.Id != DemoIds.Rep1FreshLead)
            .Select(o => o.Id)
            .ToListAsync();
        return ids.Select(id => id.Value).Order().First();
    }

    private async Task<(PipelinePage Board, CircuitLink? Link)> OpenAsync(DemoUser user, bool link)
    {
        var page = await NewSessionAsync();
        var circuit = link ? await CircuitLink.RouteAsync(page) : null;
        await new LoginPage(page).SignInFromScratchAsync(user.Email, DemoPassword);
        var board = new PipelinePage(page);
        await board.GotoAsync();
        return (board, circuit);
    }
}
