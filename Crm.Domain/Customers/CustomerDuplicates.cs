using Crm.Domain.Common;

namespace Crm.Domain.Customers;

/// <summary>A customer already on file, as the duplicate check sees it: who it is and who holds it (null: the pool).</summary>
public sealed record ExistingCustomer(CustomerId Id, string Name, string? PhoneKey, string? ChatId, string? OwnerName);

/// <summary>
/// No duplicates, no two reps working the same customer (撞单): within a tenant a phone number and a
/// WeChat id belong to one customer at most. The refusal names the customer on file and its owner,
/// so the rep knows whom to talk to.
/// </summary>
public static class CustomerDuplicates
{
    /// <summary>The keys to look for: the phone's key and the lower-case chat id of what is being entered.</summary>
    public static (string? PhoneKey, string? ChatId) KeysOf(string? phone, string? chatId)
    {
        var trimmedChat = chatId?.Trim();
        return (PhoneNumber.Key(phone), string.IsNullOrEmpty(trimmedChat) ? null : trimmedChat.ToLowerInvariant());
    }

    /// <summary>
    /// Refuses when one of <paramref name="onFile"/> (other than <paramref name="self"/>, when editing)
    /// has the same phone or chat id.
    /// </summary>
    public static void EnsureNone(CustomerId? self, string? phone, string? chatId, IEnumerable<ExistingCustomer> onFile)
    {
        ArgumentNullException.ThrowIfNull(onFile);
        var (phoneKey, chat) = KeysOf(phone, chatId);
        foreach (var existing in onFile)
        {
            if (existing.Id == self)
            {
                continue;
            }

            if (phoneKey is not null && existing.PhoneKey == phoneKey)
            {
                throw Duplicate("phone", existing);
            }

            if (chat is not null && string.Equals(existing.ChatId, chat, StringComparison.OrdinalIgnoreCase))
            {
                throw Duplicate("chat", existing);
            }
        }
    }

    private static DomainRuleViolation Duplicate(string what, ExistingCustomer existing)
    {
        var thing = what == "phone" ? "phone number" : "WeChat id";
        return existing.OwnerName is { } owner
            ? new DomainRuleViolation(
                $"customer.duplicate-{what}", $"This {thing} belongs to {existing.Name}, owned by {owner}.", existing.Name, owner)
            : new DomainRuleViolation(
                $"customer.duplicate-{what}-pool", $"This {thing} belongs to {existing.Name}, which is in the public pool.", existing.Name);
    }
}
