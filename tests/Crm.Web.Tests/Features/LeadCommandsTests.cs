using System.Globalization;
using Crm.Domain.Common;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Seeding;
using Crm.Web.Components;
using Crm.Web.Features.Leads;
using Crm.Web.Resources;
using Crm.Web.State;
using Crm.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Tests.Features;

/// <summary>
/// The leads list's use cases over a real copy of the demo database: who sees which leads, the verbs with
/// their refusals in words, assignment one by one and in batches, and conversion in one step.
/// </summary>
public sealed class LeadCommandsTests : IAsyncLifetime
{
    private readonly AppServices _app = new();
    private readonly RecordingDispatcher _dispatcher = new();

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        _app.SignIn(DemoUsers.Rep1);
    }

    public Task DisposeAsync() => _app.DisposeAsync();

    private LeadCommands Commands => _app.Get<LeadCommands>();

    [Fact]
    public async Task WhenARepListsLeads_TheySeeTheirOwnAndTheirShopsPoolOnly()
    {
        var page = await Commands.ListAsync(new LeadFilter(PageSize: 100));

        page.Rows.ShouldNotBeEmpty();
        page.Rows.ShouldAllBe(r => r.OwnerId == DemoIds.Rep1.Value || (r.Status == LeadStatus.Unassigned && r.ShopId == DemoIds.TmallShop.Value));
        page.Rows.ShouldContain(r => r.Id == DemoLeads.TmallPool.Value);
        page.Rows.ShouldNotContain(r => r.Id == DemoLeads.Rep2FollowingUp.Value);
        page.Total.ShouldBe(page.Rows.Count);
        page.Counts.Values.Sum().ShouldBe(page.Total);
    }

    [Fact]
    public async Task WhenTheManagerListsATab_TheCountsCoverEveryStatusAndThePageOnlyTheTab()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await Commands.ListAsync(new LeadFilter(LeadStatus.FollowingUp, PageSize: 5));

        page.Rows.Count.ShouldBe(5);
        page.Rows.ShouldAllBe(r => r.Status == LeadStatus.FollowingUp);
        page.Total.ShouldBe(page.Counts[LeadStatus.FollowingUp]);
        LeadStatuses.All.ShouldAllBe(s => page.Counts.GetValueOrDefault(s) > 0, "the demo has leads in every status");
        page.Counts.Values.Sum().ShouldBe(DemoLeads.Count);
        var second = await Commands.ListAsync(new LeadFilter(LeadStatus.FollowingUp, Page: 1, PageSize: 5));
        second.Rows.Select(r => r.Id).ShouldNotContain(id => page.Rows.Any(r => r.Id == id));
    }

    [Fact]
    public async Task WhenFilteredByOwnerAndSource_OnlyMatchingLeadsAreListed()
    {
        _app.SignIn(DemoUsers.Manager);

        var page = await Commands.ListAsync(new LeadFilter(OwnerId: DemoIds.Rep2.Value, Source: SourceChannel.Phone, PageSize: 100));

        page.Rows.ShouldNotBeEmpty();
        page.Rows.ShouldAllBe(r => r.OwnerId == DemoIds.Rep2.Value && r.Source == SourceChannel.Phone);
    }

    [Fact]
    public async Task WhenARepCreatesALead_ItIsPendingWithThem()
    {
        var id = await Commands.CreateAsync(new NewLead("周新", "新建物流", "186 5555 0001", null, SourceChannel.Phone, null));

        var lead = await LeadAsync(id);
        lead.Status.ShouldBe(LeadStatus.Pending);
        lead.OwnerId.ShouldBe(DemoIds.Rep1);
        lead.ShopId.ShouldBe(DemoIds.TmallShop);
    }

    [Fact]
    public async Task WhenALeadIsCreatedWithACustomersPhone_ItIsRefusedNamingTheCustomerAndOwner()
    {
        string phone;
        await using (var db = _app.Database.OpenDemo())
        {
            phone = (await db.Customers.Where(c => c.OwnerId == DemoIds.Rep2 && c.Phone != null).Select(c => c.Phone).FirstAsync())!;
        }

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(Commands.CreateAsync(new NewLead("撞单", null, phone, null, SourceChannel.Phone, null)));

        refusal.Code.ShouldBe("customer.duplicate-phone");
        Describe(refusal).ShouldContain("Zhang Min");
    }

    [Fact]
    public async Task WhenARepTakesAPoolLeadAndFollowsItUp_ItBecomesTheirsAndFollowingUp()
    {
        var lead = await RowAsync(DemoLeads.TmallPool);

        await Commands.ActAsync(lead.Id, lead.Version, new LeadAct.Take());
        var taken = await RowAsync(DemoLeads.TmallPool);
        await Commands.ActAsync(taken.Id, taken.Version, new LeadAct.FollowUp("Sent the catalogue."));

        var saved = await LeadAsync(lead.Id);
        saved.OwnerId.ShouldBe(DemoIds.Rep1);
        saved.Status.ShouldBe(LeadStatus.FollowingUp);
        saved.LastFollowUpResult.ShouldBe("Sent the catalogue.");
        saved.StatusHistory.Select(c => c.To).ShouldBe([LeadStatus.Pending, LeadStatus.FollowingUp]);
    }

    [Fact]
    public async Task WhenARefusedTransitionIsAsked_TheUserReadsWhyInTheirLanguageAndNothingChanges()
    {
        var invalid = await RowAsync(DemoLeads.Rep1Invalid);

        await Effects().HandleAct(new ActOnLeadAction(new LeadVersion(invalid.Id, invalid.Version), new LeadAct.FollowUp("Called.")), _dispatcher);

        _dispatcher.Actions.OfType<LeadsFailedAction>().ShouldHaveSingleItem().Reason.ShouldBe("A lead that is Invalid cannot take a follow-up.");
        (await RowAsync(DemoLeads.Rep1Invalid)).ShouldBe(invalid);

        using var _ = Culture("zh-CN");
        await Effects().HandleAct(new ActOnLeadAction(new LeadVersion(invalid.Id, invalid.Version), new LeadAct.Restore()), _dispatcher);
        _dispatcher.Actions.OfType<LeadsFailedAction>().Last().Reason.ShouldBe("状态为“无效”的线索不能还原。");
    }

    [Fact]
    public async Task WhenARepRestoresAVoidedLead_OnlyAnAdminMayAndTheRepIsToldSo()
    {
        _app.SignIn(DemoUsers.Manager);
        var voided = await RowAsync(DemoLeads.Voided);

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() => Commands.ActAsync(voided.Id, voided.Version, new LeadAct.Restore()));
        refusal.Code.ShouldBe("lead.restore-requires-admin");

        _app.SignIn(DemoUsers.Admin);
        await Commands.ActAsync(voided.Id, voided.Version, new LeadAct.Restore());
        var restored = await LeadAsync(voided.Id);
        restored.Status.ShouldBe(LeadStatus.Unassigned);
        restored.OwnerId.ShouldBeNull();
    }

    [Fact]
    public async Task WhenSomeoneChangedTheLeadMeanwhile_TheActIsAConflictAndNothingIsOverwritten()
    {
        var seen = await RowAsync(DemoLeads.Rep1Pending);
        await using (var manager = _app.OpenCircuit(DemoUsers.Manager))
        {
            await manager.ServiceProvider.GetRequiredService<LeadCommands>().ActAsync(seen.Id, seen.Version, new LeadAct.MarkInvalid("Wrong number."));
        }

        var refusal = await Should.ThrowAsync<DomainRuleViolation>(() => Commands.ActAsync(seen.Id, seen.Version, new LeadAct.FollowUp("Called.")));

        refusal.Code.ShouldBe("lead.changed-meanwhile");
        var lead = await LeadAsync(seen.Id);
        lead.Status.ShouldBe(LeadStatus.Invalid);
        lead.StatusReason.ShouldBe("Wrong number.");
    }

    [Fact]
    public async Task WhenARepWorksAnotherRepsLeadOrAssigns_TheyAreRefused()
    {
        _app.SignIn(DemoUsers.Rep2);
        var rep1s = await LeadAsync(DemoLeads.Rep1FollowingUp.Value);

        (await Should.ThrowAsync<DomainRuleViolation>(() => Commands.ActAsync(rep1s.Id.Value, rep1s.Version, new LeadAct.Void("Junk."))))
            .Code.ShouldBe("lead.not-found");
        (await Should.ThrowAsync<DomainRuleViolation>(Commands.AssignAsync([(rep1s.Id.Value, rep1s.Version)], DemoIds.Rep2.Value)))
            .Code.ShouldBe("lead.assign-requires-manager");
    }

    [Fact]
    public async Task WhenTheManagerAssignsABatch_TheAssignableLeadsGoToTheRepAndEachRefusalIsReported()
    {
        _app.SignIn(DemoUsers.Manager);
        var pool = await RowAsync(DemoLeads.TmallPool);
        var followed = await RowAsync(DemoLeads.Rep1FollowingUp);
        var voided = await RowAsync(DemoLeads.Voided);

        var outcome = await Commands.AssignAsync([(pool.Id, pool.Version), (followed.Id, followed.Version), (voided.Id, voided.Version)], DemoIds.Rep2.Value);

        outcome.Done.ShouldBe(2);
        outcome.Refused.ShouldHaveSingleItem().Reason.Code.ShouldBe("lead.cannot-assign-voided");
        (await LeadAsync(pool.Id)).OwnerId.ShouldBe(DemoIds.Rep2);
        (await LeadAsync(followed.Id)).Status.ShouldBe(LeadStatus.Pending);
        (await LeadAsync(voided.Id)).Status.ShouldBe(LeadStatus.Voided);
    }

    [Fact]
    public async Task WhenALeadIsConverted_TheCustomerContactAndOpportunityAreWrittenWithTheLeadInOneStep()
    {
        var lead = await RowAsync(DemoLeads.Rep1FollowingUp);

        var name = await Commands.ConvertAsync(lead.Id, lead.Version, new LeadConversion(
            "一号托盘买家有限公司", true, lead.Name, "采购经理", true, "首批 500 个托盘", 60_000m, Samples.Today.AddDays(30)));

        name.ShouldBe("一号托盘买家有限公司");
        await using var db = _app.Database.OpenDemo();
        var converted = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == DemoLeads.Rep1FollowingUp);
        converted.Status.ShouldBe(LeadStatus.Converted);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == converted.ConvertedCustomerId);
        customer.Name.ShouldBe("一号托盘买家有限公司");
        customer.OwnerId.ShouldBe(DemoIds.Rep1);
        customer.Phone.ShouldBe(lead.Phone);
        customer.Source.ShouldBe(lead.Source);
        var contact = customer.Contacts.ShouldHaveSingleItem();
        (contact.Id, contact.Name, contact.Title).ShouldBe((converted.ConvertedContactId!.Value, lead.Name, "采购经理"));
        var opportunity = await db.Opportunities.AsNoTracking().SingleAsync(o => o.Id == converted.ConvertedOpportunityId);
        (opportunity.CustomerId, opportunity.ContactId, opportunity.OwnerId, opportunity.Amount.Amount).ShouldBe((customer.Id, contact.Id, DemoIds.Rep1, 60_000m));
    }

    [Fact]
    public async Task WhenTheLeadsPhoneAlreadyBelongsToACustomer_ConversionIsRefusedAndNothingIsWritten()
    {
        var lead = await RowAsync(DemoLeads.Rep1FollowingUp);
        var first = await Commands.ConvertAsync(lead.Id, lead.Version, new LeadConversion("先来的客户", true, lead.Name, null, false, null, null, null));
        first.ShouldBe("先来的客户");
        var twin = LeadId.New();
        await using (var db = _app.Database.OpenDemo())
        {
            // A second inquiry from the same phone that came in before the first lead was converted.
            db.Leads.Add(Lead.CreateFor(DemoIds.Rep1, twin, DemoIds.DemoTenant, DemoIds.TmallShop, "同号", null, lead.Phone, null, SourceChannel.Phone, Samples.Now));
            await db.SaveChangesAsync();
        }

        var row = await RowAsync(twin);
        var customers = await CountCustomersAsync();
        await Effects().HandleConvert(new ConvertLeadAction(new LeadVersion(row.Id, row.Version), new LeadConversion("后来的客户", false, "同号", null, false, null, null, null)), _dispatcher);

        _dispatcher.Actions.OfType<LeadsFailedAction>().ShouldHaveSingleItem().Reason.ShouldBe("This phone number belongs to 先来的客户, owned by Li Wei.");
        (await CountCustomersAsync()).ShouldBe(customers);
        (await LeadAsync(twin.Value)).Status.ShouldBe(LeadStatus.Pending);
    }

    private LeadsEffects Effects()
    {
        var leads = new FixedState<LeadsState>(new LeadsState());
        return new LeadsEffects(Commands, leads, new FixedState<LeadImportState>(new LeadImportState()), _app.Get<RuleMessages>(), _app.Get<IStringLocalizer<SharedResource>>());
    }

    private string Describe(DomainRuleViolation violation) => _app.Get<RuleMessages>().Describe(violation);

    private async Task<LeadRow> RowAsync(LeadId id)
    {
        var page = await Commands.ListAsync(new LeadFilter(PageSize: 100));
        return page.Rows.Single(r => r.Id == id.Value);
    }

    private async Task<Lead> LeadAsync(Guid id)
    {
        await using var db = _app.Database.OpenDemo();
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == new LeadId(id));
    }

    private async Task<int> CountCustomersAsync()
    {
        await using var db = _app.Database.OpenDemo();
        return await db.Customers.CountAsync();
    }

    private static CultureScope Culture(string name) => new(name);

    private sealed class FixedState<T>(T value) : IState<T>
    {
        public T Value { get; } = value;

        public event EventHandler? StateChanged
        {
            add { }
            remove { }
        }
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
