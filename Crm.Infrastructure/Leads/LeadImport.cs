using System.Collections.Immutable;
using Crm.Domain.Common;
using Crm.Domain.Customers;
using Crm.Domain.Leads;
using Crm.Domain.Opportunities;
using Crm.Domain.Organization;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Infrastructure.Leads;

/// <summary>Why a row is not imported: a rule code (shown as "Rule.{code}") and the values its message names.</summary>
public sealed record LeadImportIssue(string Code, string Message, ImmutableArray<object> Arguments)
{
    public static LeadImportIssue From(DomainRuleViolation violation) => new(violation.Code, violation.Message, [.. violation.Arguments]);

    public DomainRuleViolation ToViolation() => new(Code, Message, [.. Arguments]);
}

public sealed record LeadImportRow(LeadFileRow Row, SourceChannel Source, ImmutableList<LeadImportIssue> Issues)
{
    public bool IsValid => Issues.Count == 0;
}

public sealed record LeadImportPreview(ImmutableList<LeadImportRow> Rows)
{
    public int ValidCount => Rows.Count(r => r.IsValid);

    public int InvalidCount => Rows.Count - ValidCount;
}

/// <summary>Who imports, into which shop, and what a row without a source came from.</summary>
public sealed record LeadImportTarget(TenantId TenantId, ShopId ShopId, UserId Actor, UserId? Owner, SourceChannel DefaultSource);

public sealed record LeadImportProgress(int Done, int Total);

public sealed record LeadImportReport(int Imported, ImmutableList<LeadImportRow> Skipped);

/// <summary>
/// Checks rows of an import file and imports the valid ones. A row is refused when the lead's own
/// rules refuse it (missing name, bad phone, …), when an earlier row of the file has the same phone
/// or WeChat id, when a customer (or a customer's contact) already has it — the customers' own
/// duplicate rule, naming the customer and its owner — or when a live lead (not voided) already has
/// it. Phones compare by their key ("+86 138-0013-8000" = "13800138000", <see cref="PhoneNumber.Key"/>).
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

            var (phone, chat) = CustomerDuplicates.KeysOf(row.Phone, row.ChatId);
            if (phone is not null && !phonesInFile.TryAdd(phone, row.Line))
            {
                issues.Add(Issue("lead-import.duplicate-phone-in-file", "The same phone is on line {0} of the file.", phonesInFile[phone]));
            }

            if (chat is not null && !chatsInFile.TryAdd(chat, row.Line))
            {
                issues.Add(Issue("lead-import.duplicate-chat-in-file", "The same WeChat id is on line {0} of the file.", chatsInFile[chat]));
            }

            if (known.CustomerRefusal(row.Phone, row.ChatId) is { } customer)
            {
                issues.Add(LeadImportIssue.From(customer));
            }
            else if (known.LeadWith(phone, chat) is { } lead)
            {
                issues.Add(Issue("lead-import.already-lead", "Already a lead: {0} (owner: {1}).", lead.Name, lead.OwnerName));
            }

            checkedRows.Add(new LeadImportRow(row, source, [.. issues]));
        }

        return new LeadImportPreview([.. checkedRows]);
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

    /// <summary>
    /// The customers' duplicate rule for one phone and WeChat id (a lead being converted): the refusal
    /// naming the customer and its owner, or null when no customer or contact has them.
    /// </summary>
    public static async Task<DomainRuleViolation?> CustomerRefusalAsync(CrmDbContext db, string? phone, string? chatId, CancellationToken cancellationToken = default)
    {
        var (key, chat) = CustomerDuplicates.KeysOf(phone, chatId);
        return key is null && chat is null ? null : (await KnownAsync(db, cancellationToken)).CustomerRefusal(phone, chatId);
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
        new(code, string.Format(System.Globalization.CultureInfo.InvariantCulture, message, arguments), [.. arguments]);

    private static async Task<Known> KnownAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string? Owner(UserId? id) => id is { } user && names.TryGetValue(user.Value, out var name) ? name : null;

        var customers = await db.Set<Customer>().AsNoTracking()
            .Select(c => new { c.Id, c.Name, c.PhoneKey, c.ChatId, c.OwnerId })
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
        var byId = new Dictionary<CustomerId, ExistingCustomer>();
        foreach (var c in customers)
        {
            var existing = new ExistingCustomer(c.Id, c.Name, c.PhoneKey, c.ChatId, Owner(c.OwnerId));
            byId[c.Id] = existing;
            if (c.PhoneKey is not null)
            {
                known.CustomerPhones.TryAdd(c.PhoneKey, existing);
            }

            if (c.ChatId is not null)
            {
                known.CustomerChats.TryAdd(c.ChatId, existing);
            }
        }

        // A contact's phone belongs to its customer too: the person is already being served.
        foreach (var c in contacts)
        {
            if (PhoneNumber.Key(c.Phone) is { } key && byId.TryGetValue(c.CustomerId, out var customer))
            {
                known.CustomerPhones.TryAdd(key, customer with { PhoneKey = key });
            }
        }

        foreach (var l in leads)
        {
            var match = new Match(l.Name, Owner(l.OwnerId) ?? "—");
            var (phone, chat) = CustomerDuplicates.KeysOf(l.Phone, l.ChatId);
            if (phone is not null)
            {
                known.LeadPhones.TryAdd(phone, match);
            }

            if (chat is not null)
            {
                known.LeadChats.TryAdd(chat, match);
            }
        }

        return known;
    }

    private sealed record Match(string Name, string OwnerName);

    private sealed class Known
    {
        public Dictionary<string, ExistingCustomer> CustomerPhones { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ExistingCustomer> CustomerChats { get; } = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<string, Match> LeadPhones { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Match> LeadChats { get; } = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>The customers' own rule (CustomerDuplicates), asked about the one or two customers the keys point at.</summary>
        public DomainRuleViolation? CustomerRefusal(string? phone, string? chatId)
        {
            var (phoneKey, chat) = CustomerDuplicates.KeysOf(phone, chatId);
            var candidates = new List<ExistingCustomer>(2);
            if (phoneKey is not null && CustomerPhones.TryGetValue(phoneKey, out var byPhone))
            {
                candidates.Add(byPhone);
            }

            if (chat is not null && CustomerChats.TryGetValue(chat, out var byChat))
            {
                candidates.Add(byChat);
            }

            try
            {
                CustomerDuplicates.EnsureNone(null, phone, chatId, candidates);
                return null;
            }
            catch (DomainRuleViolation violation)
            {
                return violation;
            }
        }

        public Match? LeadWith(string? phone, string? chat) =>
            phone is not null && LeadPhones.TryGetValue(phone, out var byPhone) ? byPhone
            : chat is not null && LeadChats.TryGetValue(chat, out var byChat) ? byChat
            : null;
    }
}
