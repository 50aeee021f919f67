using Loom.Threading;
using Loom.Threading.Tasks;

namespace Loom.Bench;

/// <summary>The engine's standard models, as the benchmark targets name them.</summary>
internal static class BenchModels
{
    private sealed class Cell
    {
        public int Value;
    }

    /// <summary>(a) Two threads each increment with a compare-exchange loop; the body joins and checks.</summary>
    public static void CasLoopTwoThreads() => CasLoop(incrementsEach: 1);

    /// <summary>Two threads each increment twice with a compare-exchange loop; the body joins and checks.</summary>
    public static void CasLoopTwoIncrementsEach() => CasLoop(incrementsEach: 2);

    /// <summary>Three threads each increment twice with a compare-exchange loop; the body joins and checks.</summary>
    public static void CasLoopThreeThreadsTwoEach() => CasLoop(incrementsEach: 2, threads: 3);

    /// <summary>Issue #19's async model: three tasks that each yield twice and increment atomically.</summary>
    public static async Task ThreeTasksTwoYields()
    {
        var counter = 0;
        async Task Increment()
        {
            await Task.Yield();
            await Task.Yield();
            Interlocked.Increment(ref counter);
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
    }

    /// <summary>The engine section's async model: three tasks that yield once and increment.</summary>
    public static async Task ThreeTasks()
    {
        var counter = 0;
        async Task Increment()
        {
            await Task.Yield();
            counter++;
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
    }

    private static void CasLoop(int incrementsEach, int threads = 2)
    {
        var cell = new Cell();
        System.Threading.ThreadStart increment = () =>
        {
            for (var i = 0; i < incrementsEach; i++)
            {
                int seen;
                do
                {
                    seen = Interlocked.CompareExchange(ref cell.Value, 0, 0);
                }
                while (Interlocked.CompareExchange(ref cell.Value, seen + 1, seen) != seen);
            }
        };
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
            workers[i] = new Thread(increment);
        foreach (var worker in workers)
            worker.Start();
        foreach (var worker in workers)
            worker.Join();
        if (cell.Value != threads * incrementsEach)
            throw new InvalidOperationException("lost increment");
    }

    /// <summary>(b) Three threads increment under one lock.</summary>
    public static void LockThreeThreads()
    {
        var gate = new object();
        var cell = new Cell();
        var threads = new Thread[3];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                Monitor.Enter(gate);
                try
                {
                    cell.Value++;
                }
                finally
                {
                    Monitor.Exit(gate);
                }
            });
        }
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
        if (cell.Value != 3)
            throw new InvalidOperationException("lost increment");
    }

    /// <summary>Store buffering with full fences (Interlocked): optimal exploration is 3 executions.</summary>
    public static void StoreBufferingInterlocked()
    {
        var x = new Cell();
        var y = new Cell();
        var t1 = new Thread(() => { Interlocked.Exchange(ref x.Value, 1); Interlocked.CompareExchange(ref y.Value, 0, 0); });
        var t2 = new Thread(() => { Interlocked.Exchange(ref y.Value, 1); Interlocked.CompareExchange(ref x.Value, 0, 0); });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    /// <summary>N threads each incrementing their own variable: optimal exploration is 1 execution.</summary>
    public static Action DisjointWrites(int n) => () =>
    {
        var cells = Enumerable.Range(0, n).Select(_ => new Cell()).ToArray();
        var threads = cells.Select(c => new Thread(() => Interlocked.Increment(ref c.Value))).ToArray();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
    };
}
