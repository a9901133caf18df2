using Crm.Web.Components;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Customers.Pool;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Crm.Web.Features.Pool;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

/// <summary>Hand all of <see cref="FromRepId"/>'s customers to <see cref="ToRepId"/>, or to the pool when it is null.</summary>
public sealed record HandOverRequest(Guid FromRepId, Guid? ToRepId, string? Reason);

/// <summary>What a hand-over moved. <see cref="OpportunitiesToActor"/>: open opportunities of customers sent to the pool go to the manager who acted (an opportunity always has an owner).</summary>
public sealed record HandOverResult(string FromName, string? ToName, int Customers, int Opportunities, bool OpportunitiesToActor);

/// <summary>
/// The owner hand-over when a rep leaves (managers and admins): every customer the rep owns, and
/// every open opportunity the rep owns, change hands in one save. Follow-ups stay where they are
/// (they belong to the customer and the opportunity), so the history travels with them.
/// </summary>
public sealed class HandOverCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<HandOverResult> HandOverAsync(HandOverRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = currentUser.RequireScope();
        if (!CustomerVisibility.IsManager(scope))
        {
            throw new DomainRuleViolation("customer.hand-over-requires-manager", "Only a manager can hand customers over.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reps = await SalesReps.ListAsync(db, cancellationToken);
        var from = reps.Find(r => r.Id == request.FromRepId)
            ?? throw new DomainRuleViolation("customer.hand-over-from-required", "Choose the rep whose customers are handed over.");
        NamedOption? to = null;
        if (request.ToRepId is { } toId)
        {
            to = reps.Find(r => r.Id == toId) ?? throw new DomainRuleViolation("customer.owner-not-a-rep", "The owner must be a sales rep of the company.");
            if (to.Id == from.Id)
            {
                throw new DomainRuleViolation("customer.hand-over-same-rep", "Choose another rep to hand the customers to.");
            }
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (to is null && reason is null)
        {
            throw new DomainRuleViolation("customer.hand-over-reason-required", "Say why the customers go back to the pool.");
        }

        UserId? fromId = new UserId(from.Id);
        var customers = await db.Customers.Visible(scope).Where(c => c.OwnerId == fromId).ToListAsync(cancellationToken);
        var opportunities = (await db.Opportunities.Where(o => o.OwnerId == fromId.Value).ToListAsync(cancellationToken))
            .Where(o => !o.IsClosed && scope.CanSeeShop(o.ShopId))
            .ToList();
        var now = clock.GetUtcNow();
        if (to is not null)
        {
            await EnsureCapacityAsync(db, new UserId(to.Id), customers, cancellationToken);
        }

        foreach (var customer in customers)
        {
            if (to is not null)
            {
                customer.AssignTo(new UserId(to.Id), scope.UserId, OwnershipChangeKind.HandedOver, now);
            }
            else
            {
                customer.ReturnToPool(scope.UserId, OwnershipChangeKind.HandedOver, reason!, now);
            }
        }

        var newOpportunityOwner = to is not null ? new UserId(to.Id) : scope.UserId;
        foreach (var opportunity in opportunities)
        {
            opportunity.Reassign(newOpportunityOwner, scope.UserId, now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleViolation(
                "customer.hand-over-changed-meanwhile", "Someone changed one of these customers meanwhile. Nothing was handed over; try again.");
        }

        return new HandOverResult(from.Name, to?.Name, customers.Count, opportunities.Count, to is null && opportunities.Count > 0);
    }

    /// <summary>
    /// The receiving rep's private-pool capacity holds in every region the customers come from: what the rep
    /// already owns there plus what arrives, against that region's capacity (as a claim or an assignment counts).
    /// </summary>
    private static async Task EnsureCapacityAsync(CrmDbContext db, UserId rep, IReadOnlyCollection<Customer> customers, CancellationToken cancellationToken)
    {
        var policy = await TenantSettings.PoolAsync(db, cancellationToken);
        foreach (var region in customers.GroupBy(c => c.RegionId))
        {
            var owned = await PoolCommands.OwnedInRegionAsync(db, rep, region.Key, cancellationToken);
            var capacity = policy.CapacityFor(region.Key);
            PoolCommands.Explain(PoolRules.CanAssign(owned + region.Count() - 1, capacity), policy, capacity);
        }
    }
}
