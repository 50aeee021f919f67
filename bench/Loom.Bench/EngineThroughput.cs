using System.Diagnostics;
using System.Globalization;

namespace Loom.Bench;

/// <summary>Executions per second on the standard models, median of five timed runs after a warm-up.</summary>
internal static class EngineThroughput
{
    private const int Runs = 5;

    public static void Run(Report report)
    {
        var rows = new List<string[]>
        {
            Measure("(a) 2 threads, CAS-loop increment", BenchModels.CasLoopTwoThreads, LoomStrategy.Random, 20_000, ">= 20,000"),
            Measure("(a) 2 threads, CAS-loop increment", BenchModels.CasLoopTwoThreads, LoomStrategy.Exhaustive, 0, ">= 20,000"),
            Measure("(b) 3 threads, increment under a lock", BenchModels.LockThreeThreads, LoomStrategy.Random, 20_000, ""),
            Measure("(b) 3 threads, increment under a lock", BenchModels.LockThreeThreads, LoomStrategy.Exhaustive, 0, ""),
        };
        report.Table(
            "Executions per second",
            "Random: one exploration of 20,000 seeds. Exhaustive: the whole space (unbounded preemptions), explored repeatedly for about a second. Median of 5 runs.",
            ["model", "strategy", "executions per run", "steps per execution", "executions/s", "target"],
            rows);
    }

    private static string[] Measure(string name, Action model, LoomStrategy strategy, int iterations, string target)
    {
        var options = strategy == LoomStrategy.Random
            ? new LoomOptions { Strategy = LoomStrategy.Random, Iterations = iterations }
            : new LoomOptions { PreemptionBound = null };
        var warm = LoomModel.Check(model, options);
        var rates = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var clock = Stopwatch.StartNew();
            long executions = 0;
            do
            {
                executions += LoomModel.Check(model, options).Executions;
            }
            while (clock.Elapsed < TimeSpan.FromSeconds(1) && strategy == LoomStrategy.Exhaustive);
            rates.Add(executions / clock.Elapsed.TotalSeconds);
        }
        rates.Sort();
        return
        [
            name,
            strategy.ToString(),
            warm.Executions.ToString("N0", CultureInfo.InvariantCulture),
            ((double)warm.ControlledOperations / warm.Executions).ToString("0.0", CultureInfo.InvariantCulture),
            rates[Runs / 2].ToString("N0", CultureInfo.InvariantCulture),
            target,
        ];
    }
}
