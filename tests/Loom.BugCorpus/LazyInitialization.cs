using System;
using Loom.Threading;

namespace Loom.BugCorpus;

/// <summary>
/// Bug: check-then-act lazy initialization. Two threads both see the instance missing, both construct one, and
/// the callers end up holding different "singletons" (an expensive resource is created twice).
/// Fix: double-checked locking: re-check under a lock, so exactly one thread constructs and publishes.
/// </summary>
public static class LazyInitialization
{
    /// <summary>The corpus entry.</summary>
    public static CorpusProgram Program { get; } = new(
        Name: "lazy-initialization",
        Bug: "Check-then-act lazy initialization: both threads see no instance and both construct one.",
        Fix: "Double-checked locking: re-check under Monitor before constructing, publish with Volatile.Write.",
        Buggy: Buggy,
        Fixed: Fixed,
        ExpectedKind: FailureKind.Exception,
        Options: new LoomOptions())
    {
        RandomIterations = 200,
        PctIterations = 200,
    };

    /// <summary>The buggy model.</summary>
    public static void Buggy() => Run(static holder =>
    {
        var current = Volatile.Read(ref holder.Instance);
        if (current is null)
        {
            current = new Connection(Interlocked.Increment(ref holder.Constructed));
            Volatile.Write(ref holder.Instance, current);
        }
        return current;
    });

    /// <summary>The fixed model.</summary>
    public static void Fixed() => Run(static holder =>
    {
        var current = Volatile.Read(ref holder.Instance);
        if (current is not null)
            return current;
        Monitor.Enter(holder.Gate);
        try
        {
            current = Volatile.Read(ref holder.Instance);
            if (current is null)
            {
                current = new Connection(Interlocked.Increment(ref holder.Constructed));
                Volatile.Write(ref holder.Instance, current);
            }
            return current;
        }
        finally
        {
            Monitor.Exit(holder.Gate);
        }
    });

    private static void Run(Func<Holder, Connection> getInstance)
    {
        var holder = new Holder();
        var seen = new Connection?[2];
        var first = new Thread(() => seen[0] = getInstance(holder));
        var second = new Thread(() => seen[1] = getInstance(holder));
        first.Start();
        second.Start();
        first.Join();
        second.Join();
        Check.That(ReferenceEquals(seen[0], seen[1]), "The two callers got different instances of the lazily created connection.");
        Check.That(Volatile.Read(ref holder.Constructed) == 1, "The connection was constructed more than once.");
    }

    private sealed class Holder
    {
        public readonly object Gate = new();
        public Connection? Instance;
        public int Constructed;
    }

    private sealed record Connection(int Serial);
}
