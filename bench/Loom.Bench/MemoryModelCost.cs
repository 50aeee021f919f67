using System.Diagnostics;
using System.Globalization;
using Loom.Threading;

namespace Loom.Bench;

/// <summary>The memory model: executions to exhaust the litmus tests, and what weak-memory mode costs in throughput.</summary>
internal static class MemoryModelCost
{
    private sealed class Shared
    {
        public RacyField<int> X;
        public RacyField<int> Y;
        public int Flag;
    }

    public static void Run(Report report)
    {
        var unbounded = new LoomOptions { PreemptionBound = null };
        report.Table(
            "Memory model: executions to exhaust litmus tests",
            "Unbounded preemptions, .NET memory model. The optimum is the number of distinct outcomes.",
            ["litmus test", "executions", "optimal"],
            [
                Count("store buffering, plain accesses", StoreBufferingPlain, unbounded, "4"),
                Count("store buffering, Interlocked", BenchModels.StoreBufferingInterlocked, unbounded, "3"),
                Count("message passing, plain flag", MessagePassingPlain, unbounded, "4 outcomes"),
                Count("message passing, volatile flag", MessagePassingVolatile, unbounded, "3 outcomes"),
            ]);

        var rows = new List<string[]>();
        foreach (var (name, model) in new (string, Action)[]
        {
            ("(a) 2 threads, CAS-loop increment", BenchModels.CasLoopTwoThreads),
            ("(b) 3 threads, increment under a lock", BenchModels.LockThreeThreads),
            ("message passing, volatile flag", MessagePassingVolatile),
        })
        {
            var weak = Rate(model, LoomMemoryModel.DotNet);
            var strong = Rate(model, LoomMemoryModel.SequentialConsistency);
            rows.Add([name, strong.ToString("N0", CultureInfo.InvariantCulture), weak.ToString("N0", CultureInfo.InvariantCulture), (weak / strong).ToString("0.00", CultureInfo.InvariantCulture)]);
        }
        report.Table(
            "Memory model: throughput cost of weak-memory mode",
            "Random strategy, 20,000 seeds per run, median of 5 runs, executions per second.",
            ["model", "sequential consistency", ".NET memory model", "ratio"],
            rows);
    }

    private static string[] Count(string name, Action model, LoomOptions options, string optimal)
    {
        var result = LoomModel.Explore(model, options);
        return [name, result.Executions.ToString("N0", CultureInfo.InvariantCulture) + (result.Exhausted ? "" : " (not exhausted)"), optimal];
    }

    private static double Rate(Action model, LoomMemoryModel memoryModel)
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 20_000, MemoryModel = memoryModel };
        LoomModel.Check(model, options);
        var rates = new List<double>();
        for (var run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            var executions = LoomModel.Check(model, options).Executions;
            rates.Add(executions / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return rates[2];
    }

    private static void StoreBufferingPlain()
    {
        var s = new Shared();
        var t1 = new Thread(() => { s.X.Write(1); s.Y.Read(); });
        var t2 = new Thread(() => { s.Y.Write(1); s.X.Read(); });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    private static void MessagePassingPlain()
    {
        var s = new Shared();
        var t1 = new Thread(() => { s.X.Write(42); s.Y.Write(1); });
        var t2 = new Thread(() => { s.Y.Read(); s.X.Read(); });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }

    private static void MessagePassingVolatile()
    {
        var s = new Shared();
        var t1 = new Thread(() => { s.X.Write(42); Volatile.Write(ref s.Flag, 1); });
        var t2 = new Thread(() =>
        {
            if (Volatile.Read(ref s.Flag) == 1 && s.X.Read() != 42)
                throw new InvalidOperationException("stale data");
        });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();
    }
}
