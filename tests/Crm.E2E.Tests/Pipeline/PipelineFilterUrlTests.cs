using System.Text.RegularExpressions;
using Crm.Domain.Opportunities;
using Crm.E2E.Tests.Infrastructure;
using Crm.E2E.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Crm.E2E.Tests.Pipeline;

/// <summary>The board's filters live in the URL: opening a filtered address filters, changing a filter changes the address, and the address can be shared.</summary>
public sealed partial class PipelineFilterUrlTests(BrowserFixture browser, CrmApp app) : PipelineTest(browser, app)
{
    [Fact]
    public async Task WhenManagerOpensAFilteredAddressAndChangesThePriority_TheUrlFollowsAndAnotherSessionSeesTheSameBoard()
    {
        var customer = await CustomerWithPrioritiesAsync(Priority.A, Priority.B);
        var text = customer[..Math.Min(customer.Length, 6)].Trim();
        var query = $"priority=A&q={Uri.EscapeDataString(text)}";
        var manager = new PipelinePage(await SignedInAsync(DemoUser.Manager));

        await manager.GotoAsync(query);

        await Expect(manager.Cards.First).ToBeVisibleAsync();
        await ShouldShowOnlyAsync(manager, "A", text);

        await manager.ChoosePriorityAsync("B");

        await Expect(manager.Page).ToHaveURLAsync(PriorityB());
        (await manager.Page.EvaluateAsync<string>("() => new URL(location.href).searchParams.get('q')")).ShouldBe(text);
        await Expect(manager.Cards.Filter(new() { HasText = "A · " })).ToHaveCountAsync(0);
        await Expect(manager.Cards.First).ToBeVisibleAsync();
        await ShouldShowOnlyAsync(manager, "B", text);
        var shown = await manager.CardIdsAsync();

        var other = new PipelinePage(await SignedInAsync(DemoUser.Manager));
        await other.Page.GotoAsync(manager.Page.Url);
        await new ShellPage(other.Page).WaitUntilLiveAsync();
        await Expect(other.Cards).ToHaveCountAsync(shown.Count);

        (await other.CardIdsAsync()).ShouldBe(shown);
        await ShouldShowOnlyAsync(other, "B", text);
    }

    /// <summary>Every card shown has the priority and mentions the text in its customer or title.</summary>
    private static async Task ShouldShowOnlyAsync(PipelinePage board, string priority, string text)
    {
        foreach (var id in await board.CardIdsAsync())
        {
            (await board.PriorityChip(id).InnerTextAsync()).Trim().ShouldStartWith(priority);
            var customer = await board.CardCustomer(id).InnerTextAsync();
            var title = await board.CardTitle(id).InnerTextAsync();
            (customer.Contains(text, StringComparison.OrdinalIgnoreCase) || title.Contains(text, StringComparison.OrdinalIgnoreCase))
                .ShouldBeTrue($"card {id} ({customer}: {title}) does not mention '{text}'");
        }
    }

    /// <summary>A customer with open opportunities of each priority given (so the filters have something to show either way).</summary>
    private async Task<string> CustomerWithPrioritiesAsync(params Priority[] priorities)
    {
        await using var db = App.DemoDatabase();
        var rows = await db.Opportunities.AsNoTracking()
            .Join(db.Customers.AsNoTracking(), o => o.CustomerId, c => c.Id, (o, c) => new { c.Name, o.Priority })
            .ToListAsync();
        return rows.GroupBy(r => r.Name)
            .Where(g => priorities.All(p => g.Any(r => r.Priority == p)))
            .Select(g => g.Key)
            .Order(StringComparer.Ordinal)
            .First();
    }

    private async Task<Microsoft.Playwright.IPage> SignedInAsync(DemoUser user)
    {
        var page = await NewSessionAsync();
        await new LoginPage(page).SignInFromScratchAsync(user.Email, DemoPassword);
        return page;
    }

    [GeneratedRegex("[?&]priority=B(&|$)")]
    private static partial Regex PriorityB();
}
