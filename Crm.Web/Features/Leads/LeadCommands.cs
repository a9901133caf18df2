using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Leads;
using Crm.Domain.Organization;
using Crm.Infrastructure.Leads;
using Crm.Infrastructure.Persistence;
using Crm.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Leads;

/// <summary>
/// The leads list's use cases: load what the user may see, call one aggregate method, save. Reps see
/// their own leads and the lead pool of their shops; managers every lead of their shops; head office
/// and admins all. A lead the user may not see answers "not found"; a stale version is a conflict.
/// </summary>
public sealed partial class LeadCommands(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<LeadPage> ListAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        var f = filter.Normalized();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, f);
        var counts = await query.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (f.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var leads = await query.AsNoTracking().OrderByDescending(l => l.StatusChangedAt).ThenBy(l => l.Name)
            .Skip(f.Page * f.PageSize).Take(f.PageSize)
            .ToListAsync(cancellationToken);
        var names = await NamesAsync(db, cancellationToken);
        return new LeadPage(
            [.. leads.Select(l => RowOf(l, names))],
            total,
            counts.ToImmutableDictionary(c => c.Key, c => c.Count));
    }

    /// <summary>Every lead of the filter (all pages, in list order), for the export.</summary>
    public async Task<IReadOnlyList<LeadRow>> ExportAsync(LeadFilter filter, CancellationToken cancellationToken = default)
    {
        var f = filter.Normalized();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, f);
        if (f.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        var leads = await query.OrderByDescending(l => l.StatusChangedAt).ThenBy(l => l.Name).AsNoTracking().ToListAsync(cancellationToken);
        var names = await NamesAsync(db, cancellationToken);
        return [.. leads.Select(l => RowOf(l, names))];
    }

    /// <summary>Reps and managers of the shops the user sees: the people leads can be assigned to and filtered by.</summary>
    public async Task<ImmutableList<LeadOwner>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where (r.Name == Roles.SalesRep || r.Name == Roles.Manager) && !u.IsDisabled
                            select new { u.Id, u.DisplayName }).Distinct().ToListAsync(cancellationToken);
        if (!SeesAllShops(scope))
        {
            var shops = scope.ShopIds.ToList();
            var inShops = await db.UserShops.Where(m => shops.Contains(m.ShopId)).Select(m => m.UserId).ToListAsync(cancellationToken);
            people = [.. people.Where(p => inShops.Contains(p.Id) || p.Id == scope.UserId.Value)];
        }

        return [.. people.OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).Select(p => new LeadOwner(p.Id, p.DisplayName))];
    }

    /// <summary>A rep's new lead is theirs and Pending; a manager's lands in the lead pool of the chosen shop.</summary>
    public async Task<Guid> CreateAsync(NewLead input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var shop = ShopFor(scope, input.ShopId);
        var id = LeadId.New();
        var now = clock.GetUtcNow();
        var lead = IsManager(scope)
            ? Lead.Capture(id, scope.TenantId, shop, input.Name ?? string.Empty, input.Company, input.Phone, input.ChatId, input.Source, now)
            : Lead.CreateFor(scope.UserId, id, scope.TenantId, shop, input.Name ?? string.Empty, input.Company, input.Phone, input.ChatId, input.Source, now);
        var preview = await LeadImport.PreviewAsync(
            db, [new LeadFileRow(1, lead.Name, lead.Company, lead.Phone, lead.ChatId, null)], TargetFor(scope, shop, input.Source), cancellationToken);
        if (preview.Rows[0].Issues is [var duplicate, ..])
        {
            throw duplicate.ToViolation();
        }

        db.Add(lead);
        await db.SaveChangesAsync(cancellationToken);
        return id.Value;
    }

    /// <summary>Assigns each lead to <paramref name="repId"/> (managers and admins); each refusal is reported, the others are saved together.</summary>
    public async Task<BatchOutcome> AssignAsync(IReadOnlyList<(Guid Id, long Version)> leads, Guid repId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(leads);
        var scope = currentUser.RequireScope();
        if (!IsManager(scope))
        {
            throw new DomainRuleViolation("lead.assign-requires-manager", "Only a manager can assign leads.");
        }

        if (!(await OwnersAsync(cancellationToken)).Any(o => o.Id == repId))
        {
            throw new DomainRuleViolation("lead.assignee-unknown", "Choose a rep of your shops.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = leads.Select(l => new LeadId(l.Id)).ToList();
        var found = await Visible(db, scope).Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id.Value, cancellationToken);
        var refused = new List<LeadRefusal>();
        var done = 0;
        var now = clock.GetUtcNow();
        foreach (var (id, version) in leads)
        {
            if (!found.TryGetValue(id, out var lead))
            {
                refused.Add(new LeadRefusal("?", NotFound()));
                continue;
            }

            try
            {
                EnsureVersion(lead, version);
                lead.AssignTo(new UserId(repId), scope.UserId, now);
                done++;
            }
            catch (DomainRuleViolation violation)
            {
                refused.Add(new LeadRefusal(lead.Name, violation));
            }
        }

        await SaveAsync(db, cancellationToken);
        return new BatchOutcome(done, refused);
    }

    /// <summary>One verb on one lead, if the user still sees the version they acted on.</summary>
    public async Task ActAsync(Guid id, long expectedVersion, LeadAct act, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(act);
        var scope = currentUser.RequireScope();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var lead = await FindAsync(db, scope, id, expectedVersion, cancellationToken);
        var now = clock.GetUtcNow();
        var me = scope.UserId;
        if (act is not LeadAct.Take and not LeadAct.Restore)
        {
            EnsureWorks(scope, lead);
        }

        switch (act)
        {
            case LeadAct.Take:
                // A rep takes a pool lead for themselves; handing over a held lead is a manager's assignment.
                if (lead.OwnerId is not null && lead.OwnerId != me && !IsManager(scope))
                {
                    throw new DomainRuleViolation("lead.assign-requires-manager", "Only a manager can assign leads.");
                }

                lead.AssignTo(me, me, now);
                break;
            case LeadAct.Return r:
                lead.Return(me, r.Reason, now);
                break;
            case LeadAct.FollowUp f:
                lead.RecordFollowUp(f.Result ?? string.Empty, me, now);
                break;
            case LeadAct.MarkInvalid m:
                lead.MarkInvalid(m.Reason ?? string.Empty, me, now);
                break;
            case LeadAct.Revive:
                lead.Revive(me, now);
                break;
            case LeadAct.Void v:
                lead.Void(v.Reason ?? string.Empty, me, now);
                break;
            case LeadAct.Restore:
                lead.Restore(me, scope.IsAdmin, now);
                break;
        }

        await SaveAsync(db, cancellationToken);
    }

    /// <summary>Which leads are visible, under the owner, source and text filters (the status is the tab's, applied by the caller).</summary>
    private IQueryable<Lead> Filtered(CrmDbContext db, LeadFilter f)
    {
        var query = Visible(db, currentUser.RequireScope());
        if (f.OwnerId is { } owner)
        {
            var ownerId = new UserId(owner);
            query = query.Where(l => l.OwnerId == ownerId);
        }

        if (f.Source is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        if (f.Text is { } text)
        {
            query = query.Where(l => l.Name.Contains(text) || (l.Company != null && l.Company.Contains(text))
                                     || (l.Phone != null && l.Phone.Contains(text)) || (l.ChatId != null && l.ChatId.Contains(text)));
        }

        return query;
    }

    private static IQueryable<Lead> Visible(CrmDbContext db, UserScope scope)
    {
        IQueryable<Lead> query = db.Set<Lead>();
        if (SeesAllShops(scope))
        {
            return query;
        }

        var shops = scope.ShopIds.ToList();
        if (IsManager(scope))
        {
            return query.Where(l => shops.Contains(l.ShopId));
        }

        var me = scope.UserId;
        return query.Where(l => l.OwnerId == me || (l.Status == LeadStatus.Unassigned && shops.Contains(l.ShopId)));
    }

    private static async Task<Lead> FindAsync(CrmDbContext db, UserScope scope, Guid id, long expectedVersion, CancellationToken cancellationToken)
    {
        var leadId = new LeadId(id);
        var lead = await Visible(db, scope).SingleOrDefaultAsync(l => l.Id == leadId, cancellationToken) ?? throw NotFound();
        EnsureVersion(lead, expectedVersion);
        return lead;
    }

    private static void EnsureVersion(Lead lead, long expectedVersion)
    {
        if (lead.Version != expectedVersion)
        {
            throw Conflict(lead.Name);
        }
    }

    /// <summary>The owner works a lead; a manager may act for the rep. Nobody works another rep's lead.</summary>
    private static void EnsureWorks(UserScope scope, Lead lead)
    {
        if (!IsManager(scope) && lead.OwnerId != scope.UserId)
        {
            throw new DomainRuleViolation("lead.not-yours", "Only the lead's owner or a manager can do that.");
        }
    }

    private static async Task SaveAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Conflict(db.ChangeTracker.Entries<Lead>().Select(e => e.Entity.Name).FirstOrDefault() ?? string.Empty);
        }
    }

    private static ShopId ShopFor(UserScope scope, Guid? requested)
    {
        if (requested is { } chosen)
        {
            var shop = new ShopId(chosen);
            return scope.CanSeeShop(shop) ? shop : throw new DomainRuleViolation("lead.shop-required", "Choose the shop the lead belongs to.");
        }

        return scope.ShopIds.Count == 1
            ? scope.ShopIds.First()
            : throw new DomainRuleViolation("lead.shop-required", "Choose the shop the lead belongs to.");
    }

    private static LeadImportTarget TargetFor(UserScope scope, ShopId shop, Domain.Opportunities.SourceChannel source) =>
        new(scope.TenantId, shop, scope.UserId, IsManager(scope) ? null : scope.UserId, source);

    private static Task<Dictionary<Guid, string>> NamesAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

    private static LeadRow RowOf(Lead l, Dictionary<Guid, string> names) => new(
        l.Id.Value, l.Name, l.Company, l.Phone, l.ChatId, l.Source, l.Status, l.OwnerId?.Value,
        l.OwnerId is { } o ? names.GetValueOrDefault(o.Value) : null, l.ShopId.Value, l.StatusReason,
        l.CreatedAt, l.LastFollowedUpAt, l.LastFollowUpResult, l.Version);

    private static bool SeesAllShops(UserScope scope) => scope.IsHeadOffice || scope.IsAdmin;

    public static bool IsManager(UserScope scope) => scope.IsAdmin || scope.IsInRole(Roles.Manager);

    private static DomainRuleViolation NotFound() => new("lead.not-found", "That lead does not exist.");

    private static DomainRuleViolation Conflict(string name) =>
        new("lead.changed-meanwhile", $"Someone changed {name} meanwhile; the list shows it as it is now.", name);
}
