using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Customers;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Features;

/// <summary>The /customers list over the demo database: visibility per role, paging, sorting and each filter, in SQL.</summary>
public sealed class CustomerListQueryTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Rep1);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private CustomerList List => _app.Get<CustomerList>();

    [Fact]
    public async Task WhenRep1Lists_OnlyTheCustomersRep1OwnsShow()
    {
        var owned = await StoredAsync(c => c.OwnerId == DemoIds.Rep1);
        var others = await StoredAsync(c => c.OwnerId != DemoIds.Rep1);
        others.ShouldNotBeEmpty();

        // Rep1's book is larger than a page: read every page.
        var rows = new List<CustomerRow>();
        for (var number = 0; number * CustomerQuery.MaxPageSize < owned.Count; number++)
        {
            var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), number, CustomerQuery.MaxPageSize));
            page.Total.ShouldBe(owned.Count);
            rows.AddRange(page.Rows);
        }

        rows.Select(r => r.Id).ShouldBe(owned.Select(c => c.Id.Value), ignoreOrder: true);
        rows.ShouldAllBe(r => r.OwnerName == "Li Wei");
    }

    [Fact]
    public async Task WhenTheManagerLists_EveryShopsCustomersShowPoolIncluded()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 0, 10));

        page.Total.ShouldBe((await StoredAsync(_ => true)).Count);
        (await List.QueryAsync(new CustomerQuery(new CustomerFilter(InPool: true), 0, 10))).Total
            .ShouldBe((await StoredAsync(c => c.OwnerId == null)).Count);
    }

    [Fact]
    public async Task WhenRep1OwnsACustomerOfAnotherShop_Rep1StillListsIt()
    {
        _app.SignIn(DemoUsers.Manager);
        var jd = await _app.Get<CustomerCommands>().CreateAsync(CustomerInputs.Company("京东仓配客户", shop: DemoIds.JdShop, owner: DemoIds.Rep1.Value));
        _app.SignIn(DemoUsers.Rep1);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(Name: "京东仓配客户"), 0, 10));

        page.Rows.ShouldHaveSingleItem().Id.ShouldBe(jd);
    }

    [Fact]
    public async Task WhenADispatcherOfTwoShopsLists_NothingShowsBecauseTheyOwnNone()
    {
        _app.SignIn(DemoUsers.Dispatcher);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 0, 10));

        page.Total.ShouldBe(0);
        page.Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenPagingByName_PagesFollowEachOtherWithoutOverlapAndCoverTheTotal()
    {
        var first = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 0, 5));
        var second = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 1, 5));

        var expected = (await StoredAsync(c => c.OwnerId == DemoIds.Rep1)).Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        first.Rows.Select(r => r.Name).ShouldBe(expected.Take(5));
        second.Rows.Select(r => r.Name).ShouldBe(expected.Skip(5).Take(5));
        first.Total.ShouldBe(expected.Count);
    }

    [Fact]
    public async Task WhenSortedByNameDescending_TheLastNameComesFirst()
    {
        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 0, 3, CustomerSort.Name, Descending: true));

        var expected = (await StoredAsync(c => c.OwnerId == DemoIds.Rep1)).Select(c => c.Name).Order(StringComparer.Ordinal).Reverse().Take(3);
        page.Rows.Select(r => r.Name).ShouldBe(expected);
    }

    [Fact]
    public async Task WhenSortedByTier_TiersAscend()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(), 0, CustomerQuery.MaxPageSize, CustomerSort.Tier));

        page.Rows.Select(r => r.Tier).ShouldBe(page.Rows.Select(r => r.Tier).Order());
    }

    [Fact]
    public async Task WhenFilteredByPartOfAName_OnlyMatchingNamesShow()
    {
        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(Name: "物流"), 0, CustomerQuery.MaxPageSize));

        var expected = await StoredAsync(c => c.OwnerId == DemoIds.Rep1 && c.Name.Contains("物流"));
        expected.ShouldNotBeEmpty();
        page.Rows.Select(r => r.Id).ShouldBe(expected.Select(c => c.Id.Value), ignoreOrder: true);
    }

    [Fact]
    public async Task WhenFilteredByPartOfAPhone_OnlyThatCustomerShows()
    {
        var target = (await StoredAsync(c => c.OwnerId == DemoIds.Rep1 && c.Phone != null)).OrderBy(c => c.Name, StringComparer.Ordinal).First();

        var part = target.Phone![..^1];

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(Phone: part), 0, 10));

        page.Rows.ShouldContain(r => r.Id == target.Id.Value);
        page.Rows.ShouldAllBe(r => r.Phone!.Contains(part));
    }

    [Fact]
    public async Task WhenFilteredByTier_OnlyThatTierShows()
    {
        _app.SignIn(DemoUsers.Manager);
        var tier = (await StoredAsync(_ => true)).GroupBy(c => c.Tier).OrderByDescending(g => g.Count()).First().Key;

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(Tier: tier), 0, CustomerQuery.MaxPageSize));

        page.Total.ShouldBe((await StoredAsync(c => c.Tier == tier)).Count);
        page.Rows.ShouldAllBe(r => r.Tier == tier);
    }

    [Fact]
    public async Task WhenFilteredByRegion_OnlyThatRegionShows()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(RegionId: DemoIds.EastRegion.Value), 0, CustomerQuery.MaxPageSize));

        var expected = await StoredAsync(c => c.RegionId == DemoIds.EastRegion);
        expected.ShouldNotBeEmpty();
        page.Total.ShouldBe(expected.Count);
    }

    [Fact]
    public async Task WhenTheManagerFiltersByOwner_OnlyThatRepsCustomersShow()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(OwnerId: DemoIds.Rep2.Value), 0, CustomerQuery.MaxPageSize));

        page.Total.ShouldBe((await StoredAsync(c => c.OwnerId == DemoIds.Rep2)).Count);
        page.Rows.ShouldAllBe(r => r.OwnerId == DemoIds.Rep2.Value);
    }

    [Fact]
    public async Task WhenFilteredByTag_OnlyTaggedCustomersShow()
    {
        var commands = _app.Get<CustomerCommands>();
        var tagged = await commands.CreateAsync(CustomerInputs.Company("宁波港城托盘租赁有限公司", tags: ["冷链", "年框"]));
        await commands.CreateAsync(CustomerInputs.Company("宁波北仑仓储有限公司", tags: ["年框"]));

        var page = await List.QueryAsync(new CustomerQuery(new CustomerFilter(Tag: "冷链"), 0, 10));

        page.Rows.ShouldHaveSingleItem().Id.ShouldBe(tagged);
        page.Rows[0].Tags.ShouldBe(["冷链", "年框"]);
    }

    [Fact]
    public async Task WhenFilteredByALastFollowUpRange_OnlyCustomersFollowedUpWithinItShow()
    {
        var target = (await StoredAsync(c => c.OwnerId == DemoIds.Rep1)).OrderBy(c => c.Name, StringComparer.Ordinal).First();
        // The demo follow-ups were seeded at the real time of the template: this one comes after them all.
        _app.Clock.SetUtcNow(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30).AddHours(9), TimeSpan.Zero));
        await _app.Get<CustomerCommands>().RecordFollowUpAsync(new FollowUpInput(target.Id.Value, null, "Called about the spring order."));
        var today = DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime);

        var recent = await List.QueryAsync(new CustomerQuery(new CustomerFilter(FollowedUpFrom: today, FollowedUpTo: today), 0, 10));
        var before = await List.QueryAsync(new CustomerQuery(new CustomerFilter(FollowedUpTo: today.AddDays(-1)), 0, CustomerQuery.MaxPageSize));

        recent.Rows.ShouldHaveSingleItem().Id.ShouldBe(target.Id.Value);
        before.Rows.ShouldNotContain(r => r.Id == target.Id.Value);
        before.Rows.ShouldAllBe(r => r.LastFollowUpAt < new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
    }

    private async Task<List<Customer>> StoredAsync(System.Linq.Expressions.Expression<Func<Customer, bool>> predicate)
    {
        await using var db = _app.Database.OpenDemo();
        return await db.Customers.AsNoTracking().Where(predicate).ToListAsync();
    }
}
