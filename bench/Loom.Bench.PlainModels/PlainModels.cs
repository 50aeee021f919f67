using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Bench.PlainModels;

/// <summary>
/// bench/Loom.Bench's BenchModels, line for line, as a user writes them: <c>System.Threading</c>, the <c>lock</c>
/// statement and <c>Task.Run</c> instead of Loom.Threading.
/// </summary>
public static class PlainModels
{
    private sealed class Cell
    {
        public int Value;
    }

    /// <summary>(a) Two threads each increment with a compare-exchange loop; the body joins and checks.</summary>
    public static void CasLoopTwoThreads()
    {
        var cell = new Cell();
        ThreadStart increment = () =>
        {
            int seen;
            do
            {
                seen = Interlocked.CompareExchange(ref cell.Value, 0, 0);
            }
            while (Interlocked.CompareExchange(ref cell.Value, seen + 1, seen) != seen);
        };
        var t1 = new Thread(increment);
        var t2 = new Thread(increment);
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        if (cell.Value != 2)
            throw new InvalidOperationException("lost increment");
    }

    /// <summary>(b) Three threads increment under one lock (the lock statement).</summary>
    public static void LockThreeThreads()
    {
        var gate = new object();
        var cell = new Cell();
        var threads = new Thread[3];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                lock (gate)
                    cell.Value++;
            });
        }
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
        if (cell.Value != 3)
            throw new InvalidOperationException("lost increment");
    }
}
