namespace Crm.Domain.Tests.Builders;

/// <summary>Fixed instants: the domain never reads the clock, so neither do its tests.</summary>
internal static class Moments
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Later = Now.AddHours(2);
}
