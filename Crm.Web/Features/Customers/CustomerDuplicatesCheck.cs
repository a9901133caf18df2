using System.Data.Common;
using Crm.Domain.Customers;
using Crm.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Crm.Web.Features.Customers;

/// <summary>
/// <see cref="CustomerDuplicates"/> against the tenant's customers on file (all of them, whoever may
/// see them: a duplicate is a duplicate). The unique indexes catch what slips between check and save.
/// </summary>
public static class CustomerDuplicatesCheck
{
    public static async Task EnsureNoneAsync(CrmDbContext db, Customer customer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(customer);
        var (phoneKey, chatId) = CustomerDuplicates.KeysOf(customer.Phone, customer.ChatId);
        if (phoneKey is null && chatId is null)
        {
            return;
        }

        var self = customer.Id;
        var matches = await db.Customers.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.Id != self && ((phoneKey != null && c.PhoneKey == phoneKey) || (chatId != null && c.ChatId == chatId)))
            .Select(c => new { c.Id, c.Name, c.PhoneKey, c.ChatId, c.OwnerId })
            .ToListAsync(cancellationToken);
        if (matches.Count == 0)
        {
            return;
        }

        var owners = matches.Where(m => m.OwnerId != null).Select(m => m.OwnerId!.Value.Value).ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        CustomerDuplicates.EnsureNone(
            self,
            customer.Phone,
            customer.ChatId,
            matches.Select(m => new ExistingCustomer(m.Id, m.Name, m.PhoneKey, m.ChatId, m.OwnerId is { } o ? names.GetValueOrDefault(o.Value) : null)));
    }

    /// <summary>A unique index refused the row (SQLite's or PostgreSQL's words for it).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is DbException inner
        && (inner.SqlState == "23505" || inner.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
