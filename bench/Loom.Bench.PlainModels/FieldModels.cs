using System;
using System.Threading;

namespace Loom.Bench.PlainModels;

/// <summary>
/// Models whose threads make a given number of plain field accesses, for the cost of tracking fields in rewritten
/// code: two threads each take one lock and count into a field (a read and a write per increment), so the scheduling
/// points are the same whatever the number of accesses, and nothing races.
/// </summary>
public static class FieldModels
{
    private sealed class Tally
    {
        public int Count;
    }

    /// <summary>Both threads count into one object's field, under the lock: every access is tracked and checked against the other thread's.</summary>
    /// <param name="accesses">Field accesses per execution, both threads together.</param>
    public static void Shared(int accesses)
    {
        var tally = new Tally();
        Run(tally, tally, accesses);
        if (tally.Count != 2 * (accesses / 4))
            throw new InvalidOperationException("lost increment");
    }

    /// <summary>Each thread counts into its own object's field: tracked, and only one thread ever touches each object.</summary>
    /// <param name="accesses">Field accesses per execution, both threads together.</param>
    public static void Unshared(int accesses) => Run(new Tally(), new Tally(), accesses);

    /// <summary>The same threads and lock, counting in a local: no field access to track, the baseline.</summary>
    /// <param name="accesses">Increments the other models make with field accesses; here local ones.</param>
    public static void Untracked(int accesses)
    {
        var gate = new object();
        var perThread = accesses / 4;
        ThreadStart count = () =>
        {
            // Captured variables are fields of a closure: read the count once, as Count receives it.
            var increments = perThread;
            var local = 0;
            lock (gate)
            {
                for (var i = 0; i < increments; i++)
                    local++;
            }
            GC.KeepAlive(local);
        };
        Join(new Thread(count), new Thread(count));
    }

    private static void Run(Tally first, Tally second, int accesses)
    {
        var gate = new object();
        var perThread = accesses / 4;
        Join(new Thread(() => Count(gate, first, perThread)), new Thread(() => Count(gate, second, perThread)));
    }

    private static void Count(object gate, Tally tally, int increments)
    {
        lock (gate)
        {
            for (var i = 0; i < increments; i++)
                tally.Count++;
        }
    }

    private static void Join(Thread a, Thread b)
    {
        a.Start();
        b.Start();
        a.Join();
        b.Join();
    }
}
