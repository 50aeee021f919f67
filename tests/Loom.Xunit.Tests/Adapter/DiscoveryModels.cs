using System;
using Loom.Threading;

namespace Loom.Xunit.Tests.Adapter;

// Abstract, so xUnit does not run these theories as part of this suite; the discoverer is called on them directly.
// The methods are static so discovery can run them without an instance.
public abstract class DiscoveryModels
{
    [LoomTheory]
    public static void Exhaustive() => TwoIncrements();

    [LoomTheory(Strategy = LoomStrategy.Random, Seeds = 3, FirstSeed = 5)]
    public static void Seeded() => TwoIncrements();

    [LoomTheory(MaxCases = 2)]
    public static void Grouped()
    {
        var value = 0;
        var threads = new[] { new Thread(() => Interlocked.Increment(ref value)), new Thread(() => Interlocked.Increment(ref value)), new Thread(() => Interlocked.Increment(ref value)) };
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
    }

    [LoomTheory(Seeds = 2, PreemptionBound = -1)]
    public static void Contradictory() => TwoIncrements();

    [LoomTheory]
    public static void Takes_a_parameter(int value) => GC.KeepAlive(value);

    [LoomTheory]
    public static async void Async_void() => await System.Threading.Tasks.Task.CompletedTask;

    [LoomTheory(Skip = "not written yet")]
    public static void Skipped() => throw new InvalidOperationException("Discovery must not run a skipped theory.");

    [LoomTheory]
    public void Needs_an_instance_of_an_abstract_class() => TwoIncrements();

    private static void TwoIncrements()
    {
        var value = 0;
        var t1 = new Thread(() => Interlocked.Increment(ref value));
        t1.Start();
        Interlocked.Increment(ref value);
        t1.Join();
    }
}
