using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Infrastructure.Seeding;
using Crm.Web.Features.Customers;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Web.Tests.Features;

/// <summary>Creating, editing and following up customers over the demo database, signed in as rep1 (Li Wei, Tmall).</summary>
public sealed class CustomerCommandsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Rep1);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private CustomerCommands Commands => _app.Get<CustomerCommands>();

    [Fact]
    public async Task WhenARepCreatesACustomer_TheRepOwnsItWithEveryField()
    {
        var input = CustomerInputs.Company("宁波港城托盘租赁有限公司", phone: "0574-8765 4321", chatId: "ngtp-buyer", tags: ["年框"]) with
        {
            Dealer = "宁波甬兴经销部",
            FirstContact = new ContactInput("王建国", "138 0013 8000", "采购经理"),
        };

        var id = await Commands.CreateAsync(input);

        var stored = await StoredAsync(id);
        stored.OwnerId.ShouldBe(DemoIds.Rep1);
        (stored.Name, stored.Phone, stored.ChatId, stored.Dealer, stored.Industry, stored.RegionId)
            .ShouldBe(("宁波港城托盘租赁有限公司", "0574-8765 4321", "ngtp-buyer", "宁波甬兴经销部", "物流", DemoIds.EastRegion));
        stored.Tags.ShouldBe(["年框"]);
        stored.Contacts.ShouldHaveSingleItem().Name.ShouldBe("王建国");
    }

    [Fact]
    public async Task WhenCreatingWithThePhoneOfAnExistingCustomer_ItIsRefusedNamingThatCustomerAndItsOwner()
    {
        var existing = await Rep2CustomerAsync();
        var before = await CountAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(async () =>
            _ = await Commands.CreateAsync(CustomerInputs.Company("另一家物流公司", phone: existing.Phone)));

        refusal.Code.ShouldBe("customer.duplicate-phone");
        refusal.Arguments.ShouldContain(existing.Name);
        refusal.Arguments.ShouldContain("Zhang Min");
        (await CountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WhenEditingIntoTheChatIdOfAnotherCustomer_ItIsRefusedAndNothingChanges()
    {
        var first = await Commands.CreateAsync(CustomerInputs.Company("宁波港城托盘租赁有限公司", chatId: "wx-ngtp"));
        var second = await Commands.CreateAsync(CustomerInputs.Company("宁波北仑仓储有限公司", chatId: "wx-blcc"));
        var seen = await StoredAsync(second);

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() =>
            Commands.EditAsync(second, seen.Version, CustomerInputs.Company("宁波北仑仓储有限公司", chatId: "wx-ngtp")));

        refusal.Code.ShouldBe("customer.duplicate-chat");
        refusal.Arguments.ShouldContain("宁波港城托盘租赁有限公司");
        (await StoredAsync(second)).ChatId.ShouldBe("wx-blcc");
        (await StoredAsync(first)).ChatId.ShouldBe("wx-ngtp");
    }

    [Fact]
    public async Task WhenTwoRepsRegisterTheSamePhoneAtOnce_ExactlyOneIsSavedAndTheOtherIsToldWhoHasIt()
    {
        await using var rep2 = _app.OpenCircuit(DemoUsers.Rep2);
        var rep2Commands = rep2.ServiceProvider.GetRequiredService<CustomerCommands>();

        var outcomes = await Task.WhenAll(
            Outcome(async () => _ = await Commands.CreateAsync(CustomerInputs.Company("宁波港城托盘租赁有限公司", phone: "0574-1111 2222"))),
            Outcome(async () => _ = await rep2Commands.CreateAsync(CustomerInputs.Company("宁波港城托盘", phone: "0574-1111 2222", shop: DemoIds.JdShop))));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Single(o => o is not null)!.Code.ShouldBe("customer.duplicate-phone");
        await using var db = _app.Database.OpenDemo();
        (await db.Customers.CountAsync(c => c.Phone == "0574-1111 2222")).ShouldBe(1);
    }

    [Fact]
    public async Task WhenEditingAStaleVersion_ItIsRefusedAndTheOtherChangeStays()
    {
        var id = await Commands.CreateAsync(CustomerInputs.Company("宁波港城托盘租赁有限公司"));
        var seen = await StoredAsync(id);
        await Commands.EditAsync(id, seen.Version, CustomerInputs.Company("宁波港城托盘租赁（集团）有限公司"));

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() =>
            Commands.EditAsync(id, seen.Version, CustomerInputs.Company("宁波港城")));

        refusal.Code.ShouldBe("customer.changed-meanwhile");
        (await StoredAsync(id)).Name.ShouldBe("宁波港城托盘租赁（集团）有限公司");
    }

    [Fact]
    public async Task WhenRep1EditsACustomerOfRep2_ItIsNotFound()
    {
        var rep2s = await Rep2CustomerAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() =>
            Commands.EditAsync(rep2s.Id.Value, rep2s.Version, CustomerInputs.Company("Taken over")));

        refusal.Code.ShouldBe("customer.not-found");
        (await StoredAsync(rep2s.Id.Value)).Name.ShouldBe(rep2s.Name);
    }

    [Fact]
    public async Task WhenAFollowUpIsRecordedForAContact_TheClockRestartsAndTheTimelineShowsItWithTheContact()
    {
        var customer = await Rep1CustomerAsync();
        var contact = customer.Contacts.First();
        // The demo follow-ups were seeded at the real time of the template: this one comes after them all.
        _app.Clock.SetUtcNow(new DateTimeOffset(DateTime.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero));

        await Commands.RecordFollowUpAsync(new FollowUpInput(customer.Id.Value, contact.Id.Value, "Asked about rackable pallets."));

        (await StoredAsync(customer.Id.Value)).LastFollowUpAt.ShouldBe(_app.Clock.GetUtcNow());
        var profile = (await _app.Get<CustomerProfileQuery>().LoadAsync(customer.Id.Value)).ShouldNotBeNull();
        var entry = profile.Timeline[0];
        (entry.Note, entry.ContactName, entry.AuthorName, entry.At).ShouldBe(("Asked about rackable pallets.", contact.Name, "Li Wei", _app.Clock.GetUtcNow()));
        profile.Contacts.Single(c => c.Id == contact.Id.Value).LastFollowUpAt.ShouldBe(_app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task WhenAFollowUpHasNoNote_ItIsRefusedAndNothingIsRecorded()
    {
        var customer = await Rep1CustomerAsync();

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() => Commands.RecordFollowUpAsync(new FollowUpInput(customer.Id.Value, null, "  ")));

        refusal.Code.ShouldBe("customer-follow-up.note-required");
        (await StoredAsync(customer.Id.Value)).LastFollowUpAt.ShouldBe(customer.LastFollowUpAt);
    }

    [Fact]
    public async Task WhenTheProfileLoads_TheTimelineMergesCustomerAndOpportunityFollowUpsNewestFirst()
    {
        var withDeals = await Rep1CustomerWithOpportunityFollowUpsAsync();

        var profile = (await _app.Get<CustomerProfileQuery>().LoadAsync(withDeals)).ShouldNotBeNull();

        profile.Timeline.ShouldContain(e => e.OpportunityId != null);
        profile.Timeline.Select(e => e.At).ShouldBe(profile.Timeline.Select(e => e.At).OrderByDescending(a => a));
        profile.Opportunities.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task WhenRep1LoadsTheProfileOfRep2sCustomer_ItIsNotFound()
    {
        var rep2s = await Rep2CustomerAsync();

        (await _app.Get<CustomerProfileQuery>().LoadAsync(rep2s.Id.Value)).ShouldBeNull();
        (await _app.Get<CustomerProfileQuery>().LoadAsync(Guid.Empty)).ShouldBeNull();
    }

    [Fact]
    public async Task WhenAContactIsAddedThenEdited_TheProfileShowsTheEditedContact()
    {
        var customer = await Rep1CustomerAsync();
        await Commands.AddContactAsync(customer.Id.Value, new ContactInput("赵磊", "139 0000 1111", "仓库主管"));
        var added = (await StoredAsync(customer.Id.Value)).Contacts.Single(c => c.Name == "赵磊");

        await Commands.EditContactAsync(customer.Id.Value, added.Id.Value, new ContactInput("赵磊", "139 0000 2222", "仓库经理"));

        var contact = (await StoredAsync(customer.Id.Value)).Contacts.Single(c => c.Id == added.Id);
        (contact.Phone, contact.Title).ShouldBe(("139 0000 2222", "仓库经理"));
    }

    private static async Task<DomainRuleViolation?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainRuleViolation violation)
        {
            return violation;
        }
    }

    private async Task<Customer> StoredAsync(Guid id)
    {
        await using var db = _app.Database.OpenDemo();
        var customerId = new CustomerId(id);
        return await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
    }

    private async Task<int> CountAsync()
    {
        await using var db = _app.Database.OpenDemo();
        return await db.Customers.CountAsync();
    }

    private async Task<Customer> Rep1CustomerAsync()
    {
        await using var db = _app.Database.OpenDemo();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1 && c.Contacts.Count > 0).ToListAsync();
        return owned.OrderBy(c => c.Name, StringComparer.Ordinal).First();
    }

    private async Task<Customer> Rep2CustomerAsync()
    {
        await using var db = _app.Database.OpenDemo();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep2 && c.Phone != null).ToListAsync();
        return owned.OrderBy(c => c.Name, StringComparer.Ordinal).First();
    }

    private async Task<Guid> Rep1CustomerWithOpportunityFollowUpsAsync()
    {
        await using var db = _app.Database.OpenDemo();
        var owned = await db.Customers.AsNoTracking().Where(c => c.OwnerId == DemoIds.Rep1).Select(c => c.Id).ToListAsync();
        var opportunities = await db.Opportunities.AsNoTracking().Where(o => owned.Contains(o.CustomerId)).ToListAsync();
        return opportunities.Where(o => o.FollowUps.Count > 0).Select(o => o.CustomerId.Value).Order().First();
    }
}
