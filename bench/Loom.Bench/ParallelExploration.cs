using System.Diagnostics;
using System.Globalization;

namespace Loom.Bench;

/// <summary>
/// Executions per second of one exploration at <see cref="LoomOptions.Parallelism"/> 1, 2 and 4, run in turn in one
/// process (so a change in the machine's load reaches every setting alike), median of three: random seeds, and the
/// exhaustive search over spaces of a few thousand executions.
/// </summary>
internal static class ParallelExploration
{
    private const int Runs = 3;
    private const int Seeds = 20_000;
    private static readonly int[] Settings = [1, 2, 4];

    public static void Run(Report report)
    {
        var seeds = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = Seeds };
        var rows = new List<string[]>();
        rows.AddRange(Measure("2 threads, CAS-loop increment (2 each)", seeds, options => LoomModel.Check(BenchModels.CasLoopTwoIncrementsEach, options)));
        rows.AddRange(Measure("3 threads, increment under a lock", seeds, options => LoomModel.Check(BenchModels.LockThreeThreads, options)));
        rows.AddRange(Measure("async, 3 tasks", seeds, options => LoomModel.Check(BenchModels.ThreeTasks, options)));
        report.Table(
            "Random, 20,000 seeds, by Parallelism",
            $"One `LoomModel.Check` of {Seeds:N0} seeds per run; the settings take turns, {Runs} runs each, median shown. " +
            "Speed-up is against Parallelism 1 in the same process. Every parallel run's result equals the sequential one (tests/Loom.Core.Tests/Engine/ParallelExplorationTests.cs).",
            ["model", "Parallelism", "executions/s", "speed-up", "chunks run again"],
            rows);

        rows.Clear();
        rows.AddRange(Measure("3 threads, CAS-loop increment (2 each), preemption bound 3", new LoomOptions { PreemptionBound = 3 }, options => LoomModel.Explore(BenchModels.CasLoopThreeThreadsTwoEach, options)));
        rows.AddRange(Measure("async, 3 tasks of 2 Task.Yield + 1 Interlocked.Increment, preemption bound 2", new LoomOptions(), options => LoomModel.Explore(BenchModels.ThreeTasksTwoYields, options)));
        report.Table(
            "Exhaustive search, by Parallelism",
            $"One `LoomModel.Explore` of the whole space per run (DPOR); the settings take turns, {Runs} runs each, median shown. " +
            "Speed-up is against Parallelism 1 in the same process; every run explores the same number of executions, and every parallel run's result " +
            "equals the sequential one (tests/Loom.Core.Tests/Engine/ParallelSearchTests.cs). Subtrees: those the result was committed from, and those given up after they started because the guess they started from was wrong (summed over the runs).",
            ["model", "Parallelism", "executions", "executions/s", "speed-up", "subtrees committed, given up"],
            rows);
    }

    private static IEnumerable<string[]> Measure(string name, LoomOptions options, Func<LoomOptions, ExplorationResult> explore)
    {
        var counts = Settings.ToDictionary(p => p, p => explore(options with { Parallelism = p }).Executions);
        if (counts.Values.Distinct().Count() != 1)
            throw new InvalidOperationException($"{name}: the executions differ by parallelism ({string.Join(", ", counts.Values)})");
        var rates = Settings.ToDictionary(p => p, _ => new List<double>());
        var parts = Settings.ToDictionary(p => p, _ => 0);
        var reruns = Settings.ToDictionary(p => p, _ => 0);
        for (var run = 0; run < Runs; run++)
        {
            foreach (var parallelism in Settings)
            {
                var clock = Stopwatch.StartNew();
                var result = explore(options with { Parallelism = parallelism });
                rates[parallelism].Add(result.Executions / clock.Elapsed.TotalSeconds);
                parts[parallelism] = result.Parts;
                reruns[parallelism] += result.ChunkReruns;
            }
        }
        var median = Settings.ToDictionary(p => p, p => rates[p].Order().ElementAt(Runs / 2));
        var exhaustive = options.Strategy == LoomStrategy.Exhaustive;
        return Settings.Select(p => new[]
        {
            name,
            p.ToString(CultureInfo.InvariantCulture),
        }
        .Concat(exhaustive ? [counts[p].ToString("N0", CultureInfo.InvariantCulture)] : [])
        .Concat(
        [
            median[p].ToString("N0", CultureInfo.InvariantCulture),
            (median[p] / median[1]).ToString("0.00", CultureInfo.InvariantCulture) + "x",
            exhaustive
                ? $"{parts[p].ToString(CultureInfo.InvariantCulture)}, {reruns[p].ToString(CultureInfo.InvariantCulture)}"
                : reruns[p].ToString(CultureInfo.InvariantCulture),
        ]).ToArray());
    }
}
