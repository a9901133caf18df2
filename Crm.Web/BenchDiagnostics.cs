using System.Diagnostics;
using System.Net;
using System.Runtime;

namespace Crm.Web;

/// <summary>
/// Memory figures for the benchmark harness (tests/Crm.LoadTests): the managed heap after a full,
/// compacting collection, and the process's working set. Mapped only when <c>Bench:Diagnostics</c>
/// is true (never by default) and answered only to loopback callers.
/// </summary>
public static class BenchDiagnostics
{
    public const string Path = "/bench/memory";

    public static void MapBenchDiagnostics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue("Bench:Diagnostics", false))
        {
            return;
        }

        app.MapGet(Path, (HttpContext context) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.NotFound();
            }

            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return Results.Json(new BenchMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64));
        });
    }
}

public sealed record BenchMemory(long ManagedBytes, long WorkingSetBytes);
