using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Leads;

/// <summary>Why a row is not imported: a rule code (shown as "Rule.{code}") and the values its message names.</summary>
public sealed record LeadImportIssue(string Code, string Message, IReadOnlyList<object> Arguments)
{
    public static LeadImportIssue From(DomainRuleViolation violation) => new(violation.Code, violation.Message, violation.Arguments);

    public DomainRuleViolation ToViolation() => new(Code, Message, [.. Arguments]);
}

public sealed record LeadImportRow(LeadFileRow Row, SourceChannel Source, IReadOnlyList<LeadImportIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}

public sealed record LeadImportPreview(IReadOnlyList<LeadImportRow> Rows)
{
    public int ValidCount => Rows.Count(r => r.IsValid);

    public int InvalidCount => Rows.Count - ValidCount;
}

/// <summary>Who imports, into which shop, and what a row without a source came from.</summary>
public sealed record LeadImportTarget(TenantId TenantId, ShopId ShopId, UserId Actor, UserId? Owner, SourceChannel DefaultSource);

public sealed record LeadImportProgress(int Done, int Total);

public sealed record LeadImportReport(int Imported, IReadOnlyList<LeadImportRow> Skipped);

/// <summary>
/// Checks rows of an import file and imports the valid ones. A row is refused when the lead's own
/// rules refuse it (missing name, bad phone, …), when an earlier row of the file has the same phone
/// or WeChat id, when a customer already has it (no two reps on one customer), or when a live lead
/// (not voided) already has it. Phones compare by their digits ("138-0013-8000" = "13800138000").
/// </summary>
public static class LeadImport
{
    public const int BatchSize = 250;

    private static readonly Dictionary<string, SourceChannel> SourceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["网站"] = SourceChannel.Website, ["官网"] = SourceChannel.Website,
        ["展会"] = SourceChannel.TradeShow, ["trade show"] = SourceChannel.TradeShow,
        ["电话"] = SourceChannel.Phone,
        ["网店咨询"] = SourceChannel.OnlineShopInquiry, ["店铺咨询"] = SourceChannel.OnlineShopInquiry, ["online shop"] = SourceChannel.OnlineShopInquiry,
        ["online-shop inquiry"] = SourceChannel.OnlineShopInquiry,
        ["转介绍"] = SourceChannel.Referral, ["推荐"] = SourceChannel.Referral,
    };

    public static async Task<LeadImportPreview> PreviewAsync(
        CrmDbContext db, IReadOnlyList<LeadFileRow> rows, LeadImportTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var known = await KnownAsync(db, cancellationToken);
        var phonesInFile = new Dictionary<string, int>(StringComparer.Ordinal);
        var chatsInFile = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var checkedRows = new List<LeadImportRow>(rows.Count);
        foreach (var row in rows)
        {
            var issues = new List<LeadImportIssue>();
            var source = SourceOf(row.Source, target.DefaultSource, issues);
            try
            {
                Lead.Capture(LeadId.New(), target.TenantId, target.ShopId, row.Name ?? string.Empty, row.Company, row.Phone, row.ChatId, source, DateTimeOffset.UnixEpoch);
            }
            catch (DomainRuleViolation violation)
            {
                issues.Add(LeadImportIssue.From(violation));
            }

            var phone = Digits(row.Phone);
            var chat = row.ChatId?.Trim();
            if (phone is not null && !phonesInFile.TryAdd(phone, row.Line))
            {
                issues.Add(Issue("lead-import.duplicate-phone-in-file", "The same phone is on line {0} of the file.", phonesInFile[phone]));
            }

            if (!string.IsNullOrEmpty(chat) && !chatsInFile.TryAdd(chat, row.Line))
            {
                issues.Add(Issue("lead-import.duplicate-chat-in-file", "The same WeChat id is on line {0} of the file.", chatsInFile[chat]));
            }

            if (known.CustomerWith(phone, chat) is { } customer)
            {
                issues.Add(Issue("lead-import.already-customer", "Already a customer: {0} (owner: {1}).", customer.Name, customer.OwnerName));
            }
            else if (known.LeadWith(phone, chat) is { } lead)
            {
                issues.Add(Issue("lead-import.already-lead", "Already a lead: {0} (owner: {1}).", lead.Name, lead.OwnerName));
            }

            checkedRows.Add(new LeadImportRow(row, source, issues));
        }

        return new LeadImportPreview(checkedRows);
    }

    /// <summary>
    /// Checks the rows again against the database as it is now, then saves the valid ones in batches of
    /// <see cref="BatchSize"/> (other writers get their turn in between), reporting progress after each.
    /// </summary>
    public static async Task<LeadImportReport> ImportAsync(
        CrmDbContext db,
        IReadOnlyList<LeadFileRow> rows,
        LeadImportTarget target,
        DateTimeOffset now,
        IProgress<LeadImportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(target);
        var preview = await PreviewAsync(db, rows, target, cancellationToken);
        var valid = preview.Rows.Where(r => r.IsValid).ToList();
        progress?.Report(new LeadImportProgress(0, valid.Count));
        for (var start = 0; start < valid.Count; start += BatchSize)
        {
            foreach (var row in valid.Skip(start).Take(BatchSize))
            {
                var file = row.Row;
                var lead = target.Owner is { } owner
                    ? Lead.CreateFor(owner, LeadId.New(), target.TenantId, target.ShopId, file.Name!, file.Company, file.Phone, file.ChatId, row.Source, now)
                    : Lead.Capture(LeadId.New(), target.TenantId, target.ShopId, file.Name!, file.Company, file.Phone, file.ChatId, row.Source, now);
                db.Add(lead);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(new LeadImportProgress(Math.Min(start + BatchSize, valid.Count), valid.Count));
        }

        return new LeadImportReport(valid.Count, [.. preview.Rows.Where(r => !r.IsValid)]);
    }

    /// <summary>The digits of a phone (a leading + kept), so that formatting does not hide a duplicate.</summary>
    public static string? Digits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var trimmed = phone.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : (trimmed.StartsWith('+') ? "+" : string.Empty) + digits;
    }

    private static SourceChannel SourceOf(string? text, SourceChannel fallback, List<LeadImportIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        var compact = text.Trim();
        if (Enum.TryParse<SourceChannel>(compact.Replace(" ", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        if (SourceNames.TryGetValue(compact, out var named))
        {
            return named;
        }

        issues.Add(Issue("lead-import.source-unknown", "Unknown source '{0}'.", compact));
        return fallback;
    }

    private static LeadImportIssue Issue(string code, string message, params object[] arguments) =>
        new(code, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, arguments), arguments);

    private static async Task<Known> KnownAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Owner(UserId? id) => id is { } user && names.TryGetValue(user.Value, out var name) ? name : "—";

        var customers = await db.Set<Customer>().AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.Phone, c.OwnerId })
            .ToListAsync(cancellationToken);
        var contacts = await db.Set<Contact>().AsNoTracking()
            .Where(c => c.Phone != null)
            .Select(c => new { c.CustomerId, c.Phone })
            .ToListAsync(cancellationToken);
        var leads = await db.Set<Lead>().AsNoTracking()
            .Where(l => l.Status != LeadStatus.Voided)
            .Select(l => new { l.Name, l.Phone, l.ChatId, l.OwnerId })
            .ToListAsync(cancellationToken);

        var known = new Known();
        var byId = new Dictionary<CustomerId, Match>();
        foreach (var c in customers)
        {
            var match = new Match(c.Name, Owner(c.OwnerId));
            byId[c.Id] = match;
            if (Digits(c.Phone) is { } phone)
            {
                known.CustomerPhones.TryAdd(phone, match);
            }
        }

        // A contact's phone belongs to its customer too: the person is already being served.
        foreach (var c in contacts)
        {
            if (Digits(c.Phone) is { } phone && byId.TryGetValue(c.CustomerId, out var match))
            {
                known.CustomerPhones.TryAdd(phone, match);
            }
        }

        foreach (var l in leads)
        {
            var match = new Match(l.Name, Owner(l.OwnerId));
            if (Digits(l.Phone) is { } phone)
            {
                known.LeadPhones.TryAdd(phone, match);
            }

            if (!string.IsNullOrWhiteSpace(l.ChatId))
            {
                known.LeadChats.TryAdd(l.ChatId.Trim(), match);
            }
        }

        return known;
    }

    private sealed record Match(string Name, string OwnerName);

    private sealed class Known
    {
        public Dictionary<string, Match> CustomerPhones { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Match> CustomerChats { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Match> LeadPhones { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Match> LeadChats { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Match? CustomerWith(string? phone, string? chat) => Find(CustomerPhones, CustomerChats, phone, chat);

        public Match? LeadWith(string? phone, string? chat) => Find(LeadPhones, LeadChats, phone, chat);

        private static Match? Find(Dictionary<string, Match> phones, Dictionary<string, Match> chats, string? phone, string? chat) =>
            phone is not null && phones.TryGetValue(phone, out var byPhone) ? byPhone
            : !string.IsNullOrEmpty(chat) && chats.TryGetValue(chat, out var byChat) ? byChat
            : null;
    }
}
