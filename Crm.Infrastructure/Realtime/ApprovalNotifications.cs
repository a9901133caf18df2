using System.Runtime.CompilerServices;
using Crm.Domain.Approvals;
using Crm.Domain.Common;
using Crm.Domain.Notifications;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Realtime;

/// <summary>
/// Requester and approvers are told at each step of a request, in the same save as the step:
/// the approvers (managers and admins of the request's shop and of head office) when it is
/// submitted; the requester and the approvers when it is approved, rejected or rejected automatically
/// (with the reason). Whoever saves a request gets this: the approvals board, a pool claim, the jobs.
/// </summary>
public sealed class ApprovalNotifications : ISaveReaction
{
    public const string Requested = "Notification.ApprovalRequested";
    public const string Approved = "Notification.ApprovalApproved";
    public const string Rejected = "Notification.ApprovalRejected";
    public const string RejectedAutomatically = "Notification.ApprovalRejectedAutomatically";
    public const string DecidedApproved = "Notification.ApprovalDecidedApproved";
    public const string DecidedRejected = "Notification.ApprovalDecidedRejected";
    public const string DecidedAutomatically = "Notification.ApprovalDecidedAutomatically";
    public const string Link = "/boards/approvals";

    /// <summary>Longest reason or comment quoted in a notification; with names and title it stays within the notification's limit.</summary>
    public const int MaxQuoted = 300;

    // A save that failed keeps its events and may be tried again: each event is told once.
    private readonly ConditionalWeakTable<IDomainEvent, object> _told = new();

    /// <summary>The resource key of a kind, passed as a notification argument so that each reader sees it in their language.</summary>
    public static string KindKey(ApprovalKind kind) => $"ApprovalKind.{kind}";

    public async Task ReactAsync(CrmDbContext db, IReadOnlyList<IHasDomainEvents> changed, CancellationToken cancellationToken)
    {
        var steps = changed.OfType<ApprovalRequest>()
            .SelectMany(r => r.DomainEvents.Where(e => e is ApprovalRequested or ApprovalApproved or ApprovalRejected).Select(e => (Request: r, Event: e)))
            .Where(s => _told.TryAdd(s.Event, s.Event))
            .ToList();
        if (steps.Count == 0)
        {
            return;
        }

        var names = await OpportunityCards.OwnerNamesAsync(db, cancellationToken);
        string Name(UserId id) => names.GetValueOrDefault(id.Value, string.Empty);
        foreach (var (request, step) in steps)
        {
            var approvers = await ApproversAsync(db, request.ShopId, cancellationToken);
            var kind = KindKey(request.Kind);
            var title = request.Subject.Title;
            var requester = Name(request.RequesterId);
            switch (step)
            {
                case ApprovalRequested:
                    Send(db, approvers.Where(a => a != request.RequesterId), Requested, [requester, kind, title, Clip(request.Reason)], step.OccurredAt);
                    break;
                case ApprovalApproved approved:
                    var comment = Clip(request.Comment);
                    Send(db, [request.RequesterId], Approved, [Name(approved.ApproverId), kind, title, comment], step.OccurredAt);
                    Send(db, approvers.Where(a => a != request.RequesterId), DecidedApproved, [Name(approved.ApproverId), requester, kind, title], step.OccurredAt);
                    break;
                case ApprovalRejected { RejectedById: { } by } rejected:
                    Send(db, [request.RequesterId], Rejected, [Name(by), kind, title, Clip(rejected.Comment)], step.OccurredAt);
                    Send(db, approvers.Where(a => a != request.RequesterId), DecidedRejected, [Name(by), requester, kind, title], step.OccurredAt);
                    break;
                case ApprovalRejected automatic:
                    Send(db, [request.RequesterId], RejectedAutomatically, [kind, title, Clip(automatic.Comment)], step.OccurredAt);
                    Send(db, approvers.Where(a => a != request.RequesterId), DecidedAutomatically, [requester, kind, title, Clip(automatic.Comment)], step.OccurredAt);
                    break;
            }
        }
    }

    /// <summary>Who may decide a request of <paramref name="shop"/>: enabled managers and admins of that shop or of head office.</summary>
    public static async Task<List<UserId>> ApproversAsync(CrmDbContext db, ShopId shop, CancellationToken cancellationToken)
    {
        var deciderRoles = await db.Roles.AsNoTracking()
            .Where(r => r.Name == Roles.Manager || r.Name == Roles.Admin)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        var ids = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled)
            .Where(u => u.IsHeadOffice || db.UserShops.Any(m => m.UserId == u.Id && m.ShopId == shop))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && deciderRoles.Contains(ur.RoleId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        return ids.Select(id => new UserId(id)).ToList();
    }

    /// <summary>A reason or comment shortened to fit a notification (the board shows it whole).</summary>
    private static string Clip(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : text.Length <= MaxQuoted ? text : string.Concat(text.AsSpan(0, MaxQuoted - 1), "…");

    private static void Send(CrmDbContext db, IEnumerable<UserId> recipients, string key, IReadOnlyList<string> arguments, DateTimeOffset at)
    {
        foreach (var recipient in recipients.Distinct())
        {
            db.Notifications.Add(Notification.Send(db.CurrentTenantId, recipient, key, arguments, Link, at));
        }
    }
}
