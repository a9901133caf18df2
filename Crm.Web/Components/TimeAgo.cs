using System.Globalization;
using Crm.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Crm.Web.Components;

/// <summary>"3 s ago", "5 min ago", "2 h ago" in the user's language.</summary>
public static class TimeAgo
{
    public static string Describe(IStringLocalizer<SharedResource> localizer, TimeSpan span) => span.TotalSeconds < 60
        ? localizer["Time.SecondsAgo", Math.Max(0, (int)span.TotalSeconds)]
        : span.TotalMinutes < 60
            ? localizer["Time.MinutesAgo", (int)span.TotalMinutes]
            : localizer["Time.HoursAgo", ((int)span.TotalHours).ToString(CultureInfo.CurrentCulture)];
}
