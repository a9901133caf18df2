using System.Text.Json;
using Crm.Domain.Service;

namespace Crm.Infrastructure.Persistence;

/// <summary>A tenant's service-level hours as stored: plain JSON, rebuilt through the domain's validating factory.</summary>
internal static class SlaPolicyJson
{
    public static string Serialize(SlaPolicy sla) =>
        JsonSerializer.Serialize(new Stored(sla.UrgentHours, sla.HighHours, sla.NormalHours, sla.LowHours));

    public static SlaPolicy Deserialize(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json)!;
        return SlaPolicy.Create(stored.UrgentHours, stored.HighHours, stored.NormalHours, stored.LowHours);
    }

    private sealed record Stored(int UrgentHours, int HighHours, int NormalHours, int LowHours);
}
