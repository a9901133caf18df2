using System.Collections.Immutable;
using Crm.Domain.AfterSales;
using Crm.Domain.Common;
using Crm.Domain.Organization;
using Crm.Domain.Service;
using Crm.Infrastructure.AfterSales;
using Crm.Infrastructure.Persistence;
using Crm.Infrastructure.Realtime;
using Crm.Web.Features.Opportunities;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.AfterSales;

/// <summary>An after-sales request as the list shows it.</summary>
public sealed record AfterSalesRow(
    Guid Id,
    long Version,
    AfterSalesType Type,
    AfterSalesStatus Status,
    AfterSalesReason Reason,
    Guid CustomerId,
    string CustomerName,
    Guid ShopId,
    string OrderReference,
    decimal Amount,
    string Currency,
    string ItemsText,
    string RequesterName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt);

public sealed record AfterSalesStepView(AfterSalesStepKind Kind, string ByName, DateTimeOffset At, string? Comment, Guid? LinkId);

public sealed record AfterSalesItemView(string Name, int Quantity);

/// <summary>One request with everything that happened to it.</summary>
public sealed record AfterSalesDetail(
    AfterSalesRow Row,
    ImmutableList<AfterSalesItemView> Items,
    string? Note,
    string? PickupAddress,
    string? DecisionComment,
    ImmutableList<AfterSalesStepView> History,
    Guid? PickupWorkOrderId,
    WorkOrderStatus? PickupStatus,
    Guid? RefundId,
    RefundStatus? RefundStatus);

public sealed record AfterSalesLoad(ImmutableList<AfterSalesRow> Rows, ImmutableList<CustomerOption> Customers, bool CanSubmit);

/// <summary>A refund as finance's list shows it.</summary>
public sealed record RefundRow(
    Guid Id,
    long Version,
    Guid RequestId,
    string CustomerName,
    string OrderReference,
    AfterSalesType Type,
    decimal Amount,
    string Currency,
    RefundStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PaidAt,
    string? PaidByName);

public sealed record RefundsLoad(ImmutableList<RefundRow> Rows, bool CanPay);

/// <summary>
/// The after-sales use cases: list and open what the user may see (the shops they can see, head office all),
/// submit a request (with its Return approval, in one save), and finance's refunds (mark one paid).
/// Every refusal is a <see cref="DomainRuleViolation"/>.
/// </summary>
public sealed class AfterSalesCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<AfterSalesLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = await Visible(db).AsNoTracking().OrderByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var customers = await CustomerNamesAsync(db, requests.Select(r => r.CustomerId.Value), cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        var rows = requests.Select(r => Row(r, customers, names)).ToImmutableList();
        var options = AfterSalesAccess.CanSubmit(scope) ? await CustomerOption.VisibleAsync(db, scope, cancellationToken) : [];
        return new AfterSalesLoad(rows, options, AfterSalesAccess.CanSubmit(scope));
    }

    public async Task<AfterSalesDetail?> LoadDetailAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requestId = new AfterSalesRequestId(id);
        var request = await Visible(db).AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var customers = await CustomerNamesAsync(db, [request.CustomerId.Value], cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        WorkOrderStatus? pickupStatus = request.PickupWorkOrderId is { } pickupId
            ? await db.WorkOrders.AsNoTracking().Where(w => w.Id == pickupId).Select(w => (WorkOrderStatus?)w.Status).FirstOrDefaultAsync(cancellationToken)
            : null;
        RefundStatus? refundStatus = request.RefundId is { } refundId
            ? await db.Refunds.AsNoTracking().Where(r => r.Id == refundId).Select(r => (RefundStatus?)r.Status).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new AfterSalesDetail(
            Row(request, customers, names),
            [.. request.Items.Select(i => new AfterSalesItemView(i.Name, i.Quantity))],
            request.Note,
            request.PickupAddress,
            request.DecisionComment,
            [.. request.History.OrderBy(s => s.At).Select(s => new AfterSalesStepView(s.Kind, names.GetValueOrDefault(s.ById.Value, string.Empty), s.At, s.Comment, s.LinkId))],
            request.PickupWorkOrderId?.Value,
            pickupStatus,
            request.RefundId?.Value,
            refundStatus);
    }

    /// <summary>
    /// Submits a request for a customer the user may see, in that customer's shop, together with the approval request of
    /// kind Return that puts it on the approvals board: one save, so both are there or neither.
    /// </summary>
    public async Task<AfterSalesRow> SubmitAsync(AfterSalesInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = currentUser.RequireScope();
        if (!AfterSalesAccess.CanSubmit(scope))
        {
            throw new DomainRuleViolation("aftersales.submit-not-allowed", "Only sales reps, managers and admins submit after-sales requests.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var customer = input.CustomerId == Guid.Empty
            ? null
            : await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == new Domain.Customers.CustomerId(input.CustomerId), cancellationToken);
        if (customer is null || !scope.CanSeeShop(customer.ShopId))
        {
            throw new DomainRuleViolation("aftersales.customer-required", "Choose the customer.");
        }

        var (request, approval) = AfterSalesSubmission.Submit(
            AfterSalesRequestId.New(), scope.TenantId, customer.ShopId, customer.Name, input, scope.UserId, clock.GetUtcNow());
        db.AfterSalesRequests.Add(request);
        db.ApprovalRequests.Add(approval);
        await db.SaveChangesAsync(cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        return Row(request, new Dictionary<Guid, string> { [customer.Id.Value] = customer.Name }, names);
    }

    public async Task<RefundsLoad> LoadRefundsAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var refunds = await VisibleRefunds(db).AsNoTracking().OrderBy(r => r.Status).ThenByDescending(r => r.CreatedAt).ToListAsync(cancellationToken);
        var requestIds = refunds.Select(r => r.RequestId).ToList();
        var requests = await db.AfterSalesRequests.AsNoTracking()
            .Where(r => requestIds.Contains(r.Id))
            .Select(r => new { r.Id, r.OrderReference, r.Type })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        var customers = await CustomerNamesAsync(db, refunds.Select(r => r.CustomerId.Value), cancellationToken);
        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        var rows = refunds
            .Select(r => new RefundRow(
                r.Id.Value, r.Version, r.RequestId.Value, customers.GetValueOrDefault(r.CustomerId.Value, string.Empty),
                requests.TryGetValue(r.RequestId, out var q) ? q.OrderReference : string.Empty, q?.Type ?? AfterSalesType.RefundOnly,
                r.Amount.Amount, r.Amount.Currency, r.Status, r.CreatedAt, r.PaidAt, r.PaidById is { } by ? names.GetValueOrDefault(by.Value) : null))
            .ToImmutableList();
        return new RefundsLoad(rows, AfterSalesAccess.CanPay(scope));
    }

    /// <summary>Finance pays a due refund the user still sees at <paramref name="expectedVersion"/>; the request's history records it.</summary>
    public async Task MarkPaidAsync(Guid refundId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        if (!AfterSalesAccess.CanPay(scope))
        {
            throw new DomainRuleViolation("refund.pay-requires-finance", "Only finance marks refunds as paid.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var id = new RefundId(refundId);
        var refund = await VisibleRefunds(db).SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new DomainRuleViolation("refund.not-found", "That refund does not exist.");
        if (refund.Version != expectedVersion)
        {
            throw new DomainRuleViolation("refund.changed-meanwhile", "Someone changed this refund meanwhile; the list now shows it as it is.");
        }

        var now = clock.GetUtcNow();
        var request = await db.AfterSalesRequests.SingleAsync(r => r.Id == refund.RequestId, cancellationToken);
        refund.MarkPaid(request, scope.UserId, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainRuleViolation("refund.changed-meanwhile", "Someone changed this refund meanwhile; the list now shows it as it is.");
        }
    }

    /// <summary>The shops the user can see: reps and managers their shops, head office and admins all.</summary>
    private IQueryable<AfterSalesRequest> Visible(CrmDbContext db) =>
        SeenShops() is { } shops ? db.AfterSalesRequests.Where(r => shops.Contains(r.ShopId)) : db.AfterSalesRequests;

    private IQueryable<Refund> VisibleRefunds(CrmDbContext db) =>
        SeenShops() is { } shops ? db.Refunds.Where(r => shops.Contains(r.ShopId)) : db.Refunds;

    /// <summary>The user's shops; null for head office and admins, who see every shop.</summary>
    private List<ShopId>? SeenShops()
    {
        var scope = currentUser.RequireScope();
        return scope.IsHeadOffice || scope.IsAdmin ? null : [.. scope.ShopIds];
    }

    private static Task<Dictionary<Guid, string>> CustomerNamesAsync(CrmDbContext db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().Select(id => new Domain.Customers.CustomerId(id)).ToList();
        return db.Customers.AsNoTracking()
            .Where(c => wanted.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id.Value, c => c.Name, cancellationToken);
    }

    private static AfterSalesRow Row(AfterSalesRequest r, IReadOnlyDictionary<Guid, string> customers, IReadOnlyDictionary<Guid, string> names) =>
        new(r.Id.Value, r.Version, r.Type, r.Status, r.Reason, r.CustomerId.Value, customers.GetValueOrDefault(r.CustomerId.Value, string.Empty), r.ShopId.Value,
            r.OrderReference, r.Amount.Amount, r.Amount.Currency, r.ItemsText,
            names.GetValueOrDefault(r.RequesterId.Value, string.Empty), r.CreatedAt, r.DecidedAt);
}
