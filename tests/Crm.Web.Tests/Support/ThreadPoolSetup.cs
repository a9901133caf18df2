using System.Runtime.CompilerServices;

namespace Crm.Web.Tests.Support;

/// <summary>
/// On a 2-core machine the thread pool starts with 2 workers and grows slowly, so the parallel bUnit tests'
/// synchronous waits can starve the renderer's dispatcher and a wait times out without its condition ever being
/// checked (bUnit's own diagnosis). A higher minimum once for the assembly keeps them honest, not slower.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
