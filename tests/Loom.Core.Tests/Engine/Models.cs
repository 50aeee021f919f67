using System;
using System.Threading.Tasks;
using Loom.Threading;
using Loom.Threading.Tasks;

namespace Loom.Tests.Engine;

/// <summary>Small models shared by the engine tests.</summary>
internal static class Models
{
    /// <summary>Two threads each read the counter and write back one more: an update can be lost.</summary>
    public static void LostUpdate()
    {
        var counter = new Counter();
        var t1 = new Thread(() => Interlocked.Exchange(ref counter.Value, Interlocked.CompareExchange(ref counter.Value, 0, 0) + 1));
        var t2 = new Thread(() => Interlocked.Exchange(ref counter.Value, Interlocked.CompareExchange(ref counter.Value, 0, 0) + 1));
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Expect(counter.Value == 2, $"expected 2 increments, counted {counter.Value}");
    }

    /// <summary>The same increments done with a compare-exchange loop: never lost.</summary>
    public static void CasIncrements()
    {
        var counter = new Counter();
        var t1 = new Thread(() => counter.CasIncrement());
        var t2 = new Thread(() => counter.CasIncrement());
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
        Expect(counter.Value == 2, $"expected 2 increments, counted {counter.Value}");
    }

    /// <summary>Store buffering with full fences: each thread stores its flag, then loads the other's.</summary>
    public static void StoreBufferingInterlocked()
    {
        var x = new Counter();
        var y = new Counter();
        var t1 = new Thread(() => { Interlocked.Exchange(ref x.Value, 1); Interlocked.CompareExchange(ref y.Value, 0, 0); });
        var t2 = new Thread(() => { Interlocked.Exchange(ref y.Value, 1); Interlocked.CompareExchange(ref x.Value, 0, 0); });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    /// <summary><paramref name="threads"/> threads, each incrementing its own counter twice: nothing to interleave.</summary>
    public static Action DisjointWrites(int threads) => () =>
    {
        var counters = new Counter[threads];
        var workers = new Thread[threads];
        for (var i = 0; i < threads; i++)
        {
            var c = counters[i] = new Counter();
            workers[i] = new Thread(() => { Interlocked.Increment(ref c.Value); Interlocked.Increment(ref c.Value); });
        }
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();
    };

    /// <summary>Two threads take two locks in opposite orders.</summary>
    public static void AbbaDeadlock()
    {
        object a = new(), b = new();
        var t1 = new Thread(() => { Monitor.Enter(a); Monitor.Enter(b); Monitor.Exit(b); Monitor.Exit(a); });
        var t2 = new Thread(() => { Monitor.Enter(b); Monitor.Enter(a); Monitor.Exit(a); Monitor.Exit(b); });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    /// <summary>Three threads increment a shared counter under one lock.</summary>
    public static void ThreeThreadsOnALock()
    {
        var gate = new object();
        var counter = new Counter();
        var workers = new Thread[3];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(() =>
            {
                Monitor.Enter(gate);
                try
                {
                    counter.Value++;
                }
                finally
                {
                    Monitor.Exit(gate);
                }
            });
        }
        foreach (var w in workers)
            w.Start();
        foreach (var w in workers)
            w.Join();
        Expect(counter.Value == 3, $"expected 3, counted {counter.Value}");
    }

    /// <summary>Three tasks each read a counter, yield, and write back one more: an update can be lost.</summary>
    public static async Task AsyncLostUpdate()
    {
        var counter = 0;
        async Task Increment()
        {
            var seen = counter;
            await Task.Yield();
            counter = seen + 1;
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
        Expect(counter == 3, $"expected 3 increments, counted {counter}");
    }

    /// <summary>The same three tasks with an atomic increment after the yield: never lost.</summary>
    public static async Task AsyncIncrements()
    {
        var counter = 0;
        async Task Increment()
        {
            await Task.Yield();
            Interlocked.Increment(ref counter);
        }
        await Task.WhenAll(LoomTask.Run(Increment), LoomTask.Run(Increment), LoomTask.Run(Increment));
        Expect(counter == 3, $"expected 3 increments, counted {counter}");
    }

    public static void Expect(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException(message);
    }

    public sealed class Counter
    {
        public int Value;

        public void CasIncrement()
        {
            int seen;
            do
            {
                seen = Interlocked.CompareExchange(ref Value, 0, 0);
            }
            while (Interlocked.CompareExchange(ref Value, seen + 1, seen) != seen);
        }
    }
}
