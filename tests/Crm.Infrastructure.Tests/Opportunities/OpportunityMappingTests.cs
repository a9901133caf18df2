using Crm.Domain.Common;
using Crm.Domain.Opportunities;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Tests.Opportunities;

public sealed class OpportunityMappingTests : IDisposable
{
    private readonly PipelineDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static Opportunity OpenOne(DateTimeOffset now) =>
        Opportunity.Open(
            OpportunityId.New(), PipelineDatabase.Tenant, PipelineDatabase.Shop, PipelineDatabase.Customer, PipelineDatabase.Contact,
            PipelineDatabase.Rep, "1200 块川字托盘 — 华东仓", Money.Create(86_500.50m), new DateOnly(2026, 12, 31), SourceChannel.OnlineShopInquiry,
            ScoringInputs.Create(2, BudgetStatus.Confirmed, DecisionMakerLevel.Manager, Urgency.High, true), ScoringRules.Default, now);

    private async Task<Opportunity> SaveNew(Action<Opportunity>? shape = null)
    {
        var opportunity = OpenOne(PipelineDatabase.Now);
        shape?.Invoke(opportunity);
        await using var db = _database.Context();
        db.Opportunities.Add(opportunity);
        await db.SaveChangesAsync();
        return opportunity;
    }

    private async Task<Opportunity> Load(OpportunityId id)
    {
        await using var db = _database.Context();
        return await db.Opportunities.SingleAsync(o => o.Id == id);
    }

    [Fact]
    public async Task WhenSavedWithFollowUpsAndHistory_LoadsBackEqual()
    {
        var now = PipelineDatabase.Now;
        var saved = await SaveNew(o =>
        {
            o.RecordFollowUp(FollowUpId.New(), now.AddHours(1), FollowUpChannel.WeChat, "发了样品照片", new DateOnly(2026, 11, 9), PipelineDatabase.Rep, now.AddHours(1));
            o.RecordFollowUp(FollowUpId.New(), now.AddHours(2), FollowUpChannel.Visit, "Visited the Kunshan warehouse.", null, PipelineDatabase.Rep, now.AddHours(2));
            o.MoveTo(OpportunityStage.Proposal, StageBlueprint.Default, PipelineDatabase.Rep, false, now.AddHours(3), new StageCompletion("冷库用川字托盘"));
            o.MoveTo(OpportunityStage.NeedsAnalysis, StageBlueprint.Default, PipelineDatabase.Rep, false, now.AddHours(4));
            o.RemindIfStale(StaleRule.Default, now.AddDays(9));
        });

        var loaded = await Load(saved.Id);

        loaded.ShouldNotBeSameAs(saved);
        loaded.TenantId.ShouldBe(saved.TenantId);
        loaded.ShopId.ShouldBe(saved.ShopId);
        loaded.CustomerId.ShouldBe(saved.CustomerId);
        loaded.ContactId.ShouldBe(PipelineDatabase.Contact);
        loaded.OwnerId.ShouldBe(saved.OwnerId);
        loaded.Title.ShouldBe(saved.Title);
        loaded.Amount.ShouldBe(Money.Create(86_500.50m));
        loaded.ExpectedCloseDate.ShouldBe(saved.ExpectedCloseDate);
        loaded.Source.ShouldBe(SourceChannel.OnlineShopInquiry);
        loaded.Stage.ShouldBe(OpportunityStage.NeedsAnalysis);
        loaded.StageEnteredAt.ShouldBe(now.AddHours(4));
        loaded.NeedsSummary.ShouldBe("冷库用川字托盘");
        loaded.LostReason.ShouldBeNull();
        loaded.ScoringInputs.ShouldBe(saved.ScoringInputs);
        loaded.Score.ShouldBe(saved.Score);
        loaded.Priority.ShouldBe(saved.Priority);
        loaded.CreatedAt.ShouldBe(now);
        loaded.LastFollowedUpAt.ShouldBe(now.AddHours(2));
        loaded.LastStaleReminderAt.ShouldBe(now.AddDays(9));
        loaded.Version.ShouldBe(1);
        loaded.DomainEvents.ShouldBeEmpty();

        loaded.FollowUps.OrderBy(f => f.At).Select(f => (f.Id, f.OpportunityId, f.At, f.Channel, f.Note, f.NextFollowUpOn, f.ById))
            .ShouldBe(saved.FollowUps.OrderBy(f => f.At).Select(f => (f.Id, f.OpportunityId, f.At, f.Channel, f.Note, f.NextFollowUpOn, f.ById)));
        loaded.StageHistory.OrderBy(c => c.At).Select(c => (c.Id, c.From, c.To, c.ById, c.At, c.IsBackwards))
            .ShouldBe(saved.StageHistory.OrderBy(c => c.At).Select(c => (c.Id, c.From, c.To, c.ById, c.At, c.IsBackwards)));
        loaded.StageHistory.Count(c => c.IsBackwards).ShouldBe(1);
    }

    [Fact]
    public async Task WhenLoadedThenFollowedUpAndMoved_SavesTheNewRowsAndBumpsVersion()
    {
        var saved = await SaveNew();
        var later = PipelineDatabase.Now.AddDays(1);

        await using (var db = _database.Context())
        {
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == saved.Id);
            opportunity.RecordFollowUp(FollowUpId.New(), later, FollowUpChannel.Call, "Called back.", null, PipelineDatabase.Rep, later);
            opportunity.MoveTo(OpportunityStage.FirstContact, StageBlueprint.Default, PipelineDatabase.Rep, false, later);
            await db.SaveChangesAsync();
        }

        var loaded = await Load(saved.Id);
        loaded.FollowUps.ShouldHaveSingleItem().Note.ShouldBe("Called back.");
        loaded.StageHistory.ShouldHaveSingleItem().To.ShouldBe(OpportunityStage.FirstContact);
        loaded.Stage.ShouldBe(OpportunityStage.FirstContact);
        loaded.Version.ShouldBe(2);
    }

    [Fact]
    public async Task WhenOnlyAFollowUpIsAdded_StillBumpsVersion()
    {
        var saved = await SaveNew();
        var later = PipelineDatabase.Now.AddDays(1);

        await using (var db = _database.Context())
        {
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == saved.Id);
            opportunity.RecordFollowUp(FollowUpId.New(), later, FollowUpChannel.Email, "Sent the price list.", null, PipelineDatabase.Rep, later);
            await db.SaveChangesAsync();
        }

        (await Load(saved.Id)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task WhenTwoUsersMoveTheSameVersion_TheSecondSaveIsAConflict()
    {
        var saved = await SaveNew();
        var later = PipelineDatabase.Now.AddDays(1);
        await using var first = _database.Context();
        await using var second = _database.Context();
        var mine = await first.Opportunities.SingleAsync(o => o.Id == saved.Id);
        var theirs = await second.Opportunities.SingleAsync(o => o.Id == saved.Id);

        mine.MoveTo(OpportunityStage.FirstContact, StageBlueprint.Default, PipelineDatabase.Rep, false, later);
        await first.SaveChangesAsync();
        theirs.MoveTo(OpportunityStage.NeedsAnalysis, StageBlueprint.Default, PipelineDatabase.Manager, true, later);

        await Should.ThrowAsync<DbUpdateConcurrencyException>(async () => _ = await second.SaveChangesAsync());
    }

    [Fact]
    public async Task WhenEditedAmountAndScoring_SavesTheNewValues()
    {
        var saved = await SaveNew();
        var later = PipelineDatabase.Now.AddDays(1);
        var inputs = ScoringInputs.Create(0, BudgetStatus.None, DecisionMakerLevel.Staff, Urgency.Low, false);

        await using (var db = _database.Context())
        {
            var opportunity = await db.Opportunities.SingleAsync(o => o.Id == saved.Id);
            opportunity.Edit("Changed title", Money.Create(1_234.56m, "USD"), new DateOnly(2027, 2, 1), null, null, PipelineDatabase.Rep, later);
            opportunity.UpdateScoringInputs(inputs, ScoringRules.Default, later);
            await db.SaveChangesAsync();
        }

        var loaded = await Load(saved.Id);
        loaded.Title.ShouldBe("Changed title");
        loaded.Amount.ShouldBe(Money.Create(1_234.56m, "USD"));
        loaded.ContactId.ShouldBeNull();
        loaded.ScoringInputs.ShouldBe(inputs);
        loaded.Score.ShouldBe(0);
        loaded.Priority.ShouldBe(Priority.C);
    }

    [Fact]
    public async Task WhenAnotherTenantAsks_SeesNoOpportunity()
    {
        await SaveNew();

        await using var other = _database.Model.CreateFor(PipelineDatabase.OtherTenant);

        (await other.Opportunities.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task WhenQueryingTheBoard_FiltersByStageAndOwnerInSql()
    {
        await SaveNew();
        await SaveNew(o => o.MoveTo(OpportunityStage.FirstContact, StageBlueprint.Default, PipelineDatabase.Rep, false, PipelineDatabase.Now));

        await using var db = _database.Context();
        var leads = await db.Opportunities
            .Where(o => o.Stage == OpportunityStage.Lead && o.OwnerId == PipelineDatabase.Rep && o.ShopId == PipelineDatabase.Shop)
            .Select(o => new { o.Id, o.Title, o.Amount.Amount, o.Priority })
            .ToListAsync();

        leads.Count.ShouldBe(1);
        leads[0].Amount.ShouldBe(86_500.50m);
    }

    [Fact]
    public void WhenModelIsBuilt_HasTheBoardIndexes()
    {
        using var db = _database.Context();
        var indexes = db.Model.FindEntityType(typeof(Opportunity))!.GetIndexes()
            .Select(i => string.Join(",", i.Properties.Select(p => p.Name)))
            .ToList();

        indexes.ShouldContain("TenantId,Stage");
        indexes.ShouldContain("TenantId,OwnerId");
        indexes.ShouldContain("TenantId,ShopId");
    }
}
