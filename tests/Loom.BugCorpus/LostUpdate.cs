using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: two threads increment a shared counter with a read followed by a separate write, so one thread can
/// read, be preempted, and overwrite the other's increment: the counter ends at 1.
/// Fix: the increment is one atomic read-modify-write (<c>Interlocked.Increment</c>).
/// </summary>
public static class LostUpdate
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "lost-update",
        Bug: "Two threads increment a counter with Volatile.Read then Volatile.Write; an increment is lost when both read before either writes.",
        Fix: "Interlocked.Increment makes the read-modify-write atomic.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(static counter =>
    {
        // Volatile makes each access a scheduling point, as the two instructions are on real hardware.
        var seen = Volatile.Read(ref counter.Value);
        Volatile.Write(ref counter.Value, seen + 1);
    });

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(static counter => Interlocked.Increment(ref counter.Value));

    private static void Run(Action<Counter> increment)
    {
        var counter = new Counter();
        var first = new Thread(() => increment(counter));
        var second = new Thread(() => increment(counter));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(Volatile.Read(ref counter.Value) == 2, "An increment was lost: the counter is not 2 after two increments.");
    }

    private sealed class Counter
    {
        public int Value;
    }
}
