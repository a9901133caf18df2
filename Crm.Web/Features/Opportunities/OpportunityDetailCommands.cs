using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Opportunities;

public sealed record FollowUpLine(Guid Id, DateTimeOffset At, FollowUpChannel Channel, string Note, DateOnly? NextFollowUpOn, string ByName);

public sealed record StageLine(OpportunityStage From, OpportunityStage To, string ByName, DateTimeOffset At, bool IsBackwards);

public sealed record OpportunityDetail(
    OpportunityCard Card,
    string? NeedsSummary,
    string? LostReason,
    SourceChannel Source,
    ScoringInputs ScoringInputs,
    ImmutableList<FollowUpLine> FollowUps,
    ImmutableList<StageLine> History);

public sealed record OpportunityEdit(string? Title, decimal? Amount, DateOnly? ExpectedClose, string? NeedsSummary, ScoringInputs ScoringInputs);

public sealed record NewFollowUp(FollowUpChannel Channel, string? Note, DateOnly? NextFollowUpOn);

public sealed record NewOpportunity(Guid? CustomerId, string? Title, decimal? Amount, DateOnly? ExpectedClose, SourceChannel Source);

public sealed record CustomerOption(Guid Id, string Name)
{
    /// <summary>The customers of the shops the user can see, by name: what a customer picker offers.</summary>
    public static async Task<ImmutableList<CustomerOption>> VisibleAsync(CrmDbContext db, UserScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var customers = await db.Set<Customer>().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.ShopId }).ToListAsync(cancellationToken);
        return [.. customers.Where(c => scope.CanSeeShop(c.ShopId)).Select(c => new CustomerOption(c.Id.Value, c.Name))];
    }
}

/// <summary>The drawer's and the "new" dialog's use cases. A stale version is refused, never overwritten.</summary>
public sealed class OpportunityDetailCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, OpportunityCommands board, TimeProvider clock)
{
    public async Task<OpportunityDetail?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var card = await board.LoadCardAsync(id, cancellationToken);
        if (card is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opportunityId = new OpportunityId(id);
        var opportunity = await db.Set<Opportunity>().AsNoTracking().SingleAsync(o => o.Id == opportunityId, cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        string Name(UserId user) => names.GetValueOrDefault(user.Value, string.Empty);
        return new OpportunityDetail(
            card,
            opportunity.NeedsSummary,
            opportunity.LostReason,
            opportunity.Source,
            opportunity.ScoringInputs,
            [.. opportunity.FollowUps.OrderByDescending(f => f.At).Select(f => new FollowUpLine(f.Id.Value, f.At, f.Channel, f.Note, f.NextFollowUpOn, Name(f.ById)))],
            [.. opportunity.StageHistory.OrderByDescending(s => s.At).Select(s => new StageLine(s.From, s.To, Name(s.ById), s.At, s.IsBackwards))]);
    }

    public Task EditAsync(Guid id, long expectedVersion, OpportunityEdit edit, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        return SaveAsync(id, expectedVersion, (o, settings) =>
        {
            var now = clock.GetUtcNow();
            o.Edit(
                edit.Title ?? string.Empty,
                Money.Create(edit.Amount ?? 0m),
                edit.ExpectedClose ?? throw new DomainRuleViolation("opportunity.expected-close-required", "An expected close date is required."),
                o.ContactId,
                edit.NeedsSummary,
                scope.UserId,
                now);
            o.UpdateScoringInputs(edit.ScoringInputs, settings.ScoringRules, now);
        }, cancellationToken);
    }

    public Task AddFollowUpAsync(Guid id, NewFollowUp followUp, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();

        // A follow-up adds to the history; it does not overwrite anything, so it needs no version check.
        return SaveAsync(id, expectedVersion: null, (o, _) =>
        {
            var now = clock.GetUtcNow();
            o.RecordFollowUp(FollowUpId.New(), now, followUp.Channel, followUp.Note ?? string.Empty, followUp.NextFollowUpOn, scope.UserId, now);
        }, cancellationToken);
    }

    public async Task<Guid> CreateAsync(NewOpportunity input, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (input.CustomerId is not { } customerGuid)
        {
            throw new DomainRuleViolation("opportunity.customer-required", "Choose the customer.");
        }

        var customerId = new CustomerId(customerGuid);
        var customer = await db.Set<Customer>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || !scope.CanSeeShop(customer.ShopId))
        {
            throw new DomainRuleViolation("opportunity.customer-required", "Choose the customer.");
        }

        var opportunity = Opportunity.Open(
            OpportunityId.New(),
            scope.TenantId,
            customer.ShopId,
            customer.Id,
            null,
            scope.UserId,
            input.Title ?? string.Empty,
            Money.Create(input.Amount ?? 0m),
            input.ExpectedClose ?? throw new DomainRuleViolation("opportunity.expected-close-required", "An expected close date is required."),
            input.Source,
            ScoringInputs.Unknown,
            (await TenantSettings.PipelineAsync(db, cancellationToken)).ScoringRules,
            clock.GetUtcNow());
        db.Add(opportunity);
        await db.SaveChangesAsync(cancellationToken);
        return opportunity.Id.Value;
    }

    public async Task<ImmutableList<CustomerOption>> CustomersAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CustomerOption.VisibleAsync(db, scope, cancellationToken);
    }

    private async Task SaveAsync(Guid id, long? expectedVersion, Action<Opportunity, PipelineSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var opportunityId = new OpportunityId(id);

        // Visibility first: what the user may not see answers "not found".
        if (await board.LoadCardAsync(id, cancellationToken) is null)
        {
            throw new DomainRuleViolation("opportunity.not-found", "That opportunity does not exist.");
        }

        var opportunity = await db.Set<Opportunity>().SingleAsync(o => o.Id == opportunityId, cancellationToken);
        if (expectedVersion is { } expected && opportunity.Version != expected)
        {
            throw new DomainRuleViolation("opportunity.changed-meanwhile", "Someone changed this opportunity meanwhile. Your changes were not saved; reload to see theirs.");
        }

        change(opportunity, await TenantSettings.PipelineAsync(db, cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleViolation("opportunity.changed-meanwhile", "Someone changed this opportunity meanwhile. Your changes were not saved; reload to see theirs.");
        }
    }
}
