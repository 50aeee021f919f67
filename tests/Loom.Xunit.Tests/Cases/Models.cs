using System;
using Loom.Threading;

namespace Loom.Xunit.Tests.Cases;

/// <summary>Small models the engine-backed tests explore.</summary>
public static class Models
{
    /// <summary>Two threads increment with a read then a write: some interleavings lose an update.</summary>
    public static void LostUpdate()
    {
        var value = 0;
        void Increment()
        {
            var seen = Interlocked.CompareExchange(ref value, 0, 0);
            Interlocked.Exchange(ref value, seen + 1);
        }
        var t1 = new Thread(Increment);
        var t2 = new Thread(Increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        if (Interlocked.CompareExchange(ref value, 0, 0) != 2)
            throw new InvalidOperationException("An increment was lost.");
    }

    /// <summary>Three threads increment atomically: every interleaving passes.</summary>
    public static void ThreeAtomicIncrements()
    {
        var value = 0;
        var threads = new[] { new Thread(() => Interlocked.Increment(ref value)), new Thread(() => Interlocked.Increment(ref value)), new Thread(() => Interlocked.Increment(ref value)) };
        foreach (var thread in threads)
            thread.Start();
        foreach (var thread in threads)
            thread.Join();
        if (Interlocked.CompareExchange(ref value, 0, 0) != 3)
            throw new InvalidOperationException("An increment was lost.");
    }
}
