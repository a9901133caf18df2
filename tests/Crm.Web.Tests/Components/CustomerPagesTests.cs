using Bunit;
using Crm.Domain.Customers;
using Crm.Domain.Organization;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Customers;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Tests.Components;

/// <summary>The customer list and profile over the demo database, signed in as rep1 (Li Wei, Tmall).</summary>
public sealed class CustomerPagesTests : ComponentTestBase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        SignIn(DemoUsers.Rep1);
    }

    [Fact]
    public async Task WhenRep1OpensTheList_TheFirstPageShowsRep1sCustomersByNameWithTheirOwner()
    {
        var expected = (await OwnedAsync(DemoIds.Rep1)).OrderBy(c => c.Name, StringComparer.Ordinal).Take(25).ToList();

        var host = RenderWithPopovers<CustomersPage>();

        host.WaitForAssertion(() => Rows(host).ShouldBe(expected.Select(c => $"customer-row-{c.Id.Value}")), Patience);
        host.Find($"[data-testid=customer-row-{expected[0].Id.Value}]").ParentElement!.TextContent.ShouldContain("Li Wei");
        host.FindAll("[data-testid=customers-hand-over]").ShouldBeEmpty("only managers hand customers over");
    }

    [Fact]
    public async Task WhenNothingMatchesTheSearch_TheEmptyStateSaysSo()
    {
        var host = RenderWithPopovers<CustomersPage>();
        host.WaitForAssertion(() => Rows(host).ShouldNotBeEmpty(), Patience);

        await Renderer.Dispatcher.InvokeAsync(() => host.Find("input[data-testid=filter-name]").Change("不存在的客户名称"));

        host.WaitForAssertion(() => host.Find("[data-testid=customers-empty]").TextContent.ShouldContain("No customer matches these filters."), Patience);
        Rows(host).ShouldBeEmpty();
    }

    [Fact]
    public async Task WhenRep1OpensTheProfileOfRep2sCustomer_ItSaysNotFoundAndShowsNothingOfIt()
    {
        var rep2s = (await OwnedAsync(DemoIds.Rep2)).First();

        var host = RenderWithPopovers<CustomerProfilePage>(p => p.Add(c => c.Id, rep2s.Id.Value));

        host.WaitForAssertion(() => host.Find("[data-testid=customer-not-found]"), Patience);
        host.Markup.ShouldNotContain(rep2s.Name);
    }

    [Fact]
    public async Task WhenRep1OpensAProfile_DetailsContactsAndTheTimelineShow()
    {
        var customer = (await OwnedAsync(DemoIds.Rep1)).First(c => c.Contacts.Count > 0);

        var host = RenderWithPopovers<CustomerProfilePage>(p => p.Add(c => c.Id, customer.Id.Value));

        host.WaitForAssertion(() => host.Find("[data-testid=customer-name-heading]").TextContent.ShouldBe(customer.Name), Patience);
        host.Find("[data-testid=customer-owner-name]").TextContent.ShouldBe("Li Wei");
        foreach (var contact in customer.Contacts)
        {
            host.Find($"[data-testid=contact-{contact.Id.Value}]").TextContent.ShouldContain(contact.Name);
        }

        host.Find("[data-testid=customer-tab-timeline]");
    }

    private static List<string?> Rows(IRenderedComponent<WithPopovers> host) =>
        [.. host.FindAll("[data-testid^=customer-row-]").Select(r => r.GetAttribute("data-testid"))];

    private async Task<List<Customer>> OwnedAsync(UserId owner)
    {
        await using var db = Database.OpenDemo();
        UserId? id = owner;
        return await db.Customers.AsNoTracking().Where(c => c.OwnerId == id).ToListAsync();
    }
}
