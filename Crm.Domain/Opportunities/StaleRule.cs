using Crm.Domain.Common;

namespace Crm.Domain.Opportunities;

/// <summary>An open opportunity without a follow-up for more than <see cref="Days"/> days is stale.</summary>
public sealed record StaleRule
{
    public const int DefaultDays = 7;
    public const int MaxDays = 365;

    private StaleRule(int days) => Days = days;

    public static StaleRule Default { get; } = new(DefaultDays);

    public int Days { get; }

    public TimeSpan Period => TimeSpan.FromDays(Days);

    /// <summary>What staleness counts from: the last follow-up, or the opening when there is none or it is later.</summary>
    public static DateTimeOffset LastActivity(DateTimeOffset? lastFollowedUpAt, DateTimeOffset createdAt) =>
        lastFollowedUpAt is { } last && last > createdAt ? last : createdAt;

    /// <summary>Whole days since <paramref name="lastActivityAt"/>, never negative.</summary>
    public static int DaysSince(DateTimeOffset lastActivityAt, DateTimeOffset now) =>
        Math.Max(0, (int)Math.Floor((now - lastActivityAt).TotalDays));

    /// <summary>The rule itself, for anything that knows only its dates (a board card).</summary>
    public bool IsStale(bool isClosed, DateTimeOffset lastActivityAt, DateTimeOffset now) =>
        !isClosed && now - lastActivityAt > Period;

    public static StaleRule Create(int days) =>
        days is < 1 or > MaxDays
            ? throw new DomainRuleViolation("stale-rule.days-out-of-range", $"The stale period is 1 to {MaxDays} days.", MaxDays)
            : new StaleRule(days);
}
