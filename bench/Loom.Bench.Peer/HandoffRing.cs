using System.Diagnostics;
using Loom.Runtime;

namespace Loom.Bench.Peer;

/// <summary>
/// The cost of one handoff among several OS threads: each holds a Loom <see cref="Baton"/>, and the one holding
/// control passes it to another picked at random (a fixed sequence), as a random schedule does. With more OS
/// threads than cores, a waiter that is not on a core must be switched in, and that switch is the cost.
/// </summary>
internal static class HandoffRing
{
    /// <summary>Nanoseconds per handoff among <paramref name="threads"/> OS threads, over <paramref name="handoffs"/> handoffs.</summary>
    public static double NanosecondsPerHandoff(int threads, int handoffs)
    {
        var batons = Enumerable.Range(0, threads).Select(_ => new Baton()).ToArray();
        var random = new Random(threads);
        var order = new int[handoffs + 1];
        for (var i = 1; i < order.Length; i++)
        {
            // Never to itself: that would not pass control.
            var next = random.Next(threads - 1);
            order[i] = next >= order[i - 1] ? next + 1 : next;
        }

        var position = 0;
        var workers = new System.Threading.Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var me = t;
            workers[t] = new System.Threading.Thread(() =>
            {
                while (true)
                {
                    batons[me].Wait(System.Threading.Timeout.Infinite);
                    // Only the thread holding control reads and moves the position; the baton orders the accesses.
                    if (position == handoffs)
                    {
                        foreach (var other in batons)
                            other.Signal();
                        return;
                    }
                    position++;
                    batons[order[position]].Signal();
                }
            })
            { IsBackground = true };
            workers[t].Start();
        }

        var clock = Stopwatch.StartNew();
        batons[order[0]].Signal();
        foreach (var worker in workers)
            worker.Join();
        return clock.Elapsed.TotalNanoseconds / handoffs;
    }

    /// <summary>The median of five measurements after a warm-up.</summary>
    public static double Median(int threads, int handoffs)
    {
        NanosecondsPerHandoff(threads, handoffs / 10);
        return PeerLine.Median(Enumerable.Range(0, 5).Select(_ => NanosecondsPerHandoff(threads, handoffs)));
    }
}
