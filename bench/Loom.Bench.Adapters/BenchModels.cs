using System;
using Loom.Threading;
using Loom.Xunit;

namespace Loom.Bench.Adapters;

// Abstract so no test runner picks these up; the benchmarks call the discoverer and the case layer directly.
public abstract class BenchModels
{
    /// <summary>A random theory with 1,000 seeds: discovery lists seeds without running anything.</summary>
    [LoomTheory(Strategy = LoomStrategy.Random, Seeds = 1000)]
    public static void Thousand_seeds() => TwoIncrements();

    /// <summary>An exhaustive theory whose space has 1,056 schedules (3 threads, 6 atomic increments each), each its own case.</summary>
    [LoomTheory(MaxCases = 2000)]
    public static void Thousand_schedules()
    {
        var value = 0;
        var threads = new Thread[3];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                for (var k = 0; k < 6; k++)
                    Interlocked.Increment(ref value);
            });
        }
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
    }

    public static void TwoIncrements()
    {
        var value = 0;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        Interlocked.Increment(ref value);
        t1.Join();
        GC.KeepAlive(value);
    }
}
