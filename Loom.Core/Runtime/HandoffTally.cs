using System.Threading;

namespace Loom.Runtime;

/// <summary>
/// Process-wide counts of the control passed between OS threads, summed over finished executions. The benchmarks
/// read them to set Loom's speed beside the cost of those handoffs alone (bench/RESULTS.md, "The handoff floor").
/// </summary>
internal static class HandoffTally
{
    private static long s_executions;
    private static long s_handoffs;
    private static long s_osThreads;

    /// <summary>Adds one execution: how often control passed to another OS thread, and how many OS threads it held at most.</summary>
    public static void Add(int handoffs, int osThreads)
    {
        Interlocked.Increment(ref s_executions);
        Interlocked.Add(ref s_handoffs, handoffs);
        Interlocked.Add(ref s_osThreads, osThreads);
    }

    /// <summary>The totals so far: executions (restarted attempts included), handoffs, and the sum of each execution's OS threads.</summary>
    public static (long Executions, long Handoffs, long OsThreads) Read() =>
        (Interlocked.Read(ref s_executions), Interlocked.Read(ref s_handoffs), Interlocked.Read(ref s_osThreads));
}
