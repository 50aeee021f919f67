using System.Diagnostics;
using System.Globalization;

namespace Loom.Bench;

/// <summary>
/// Executions per second of one random exploration at <see cref="LoomOptions.Parallelism"/> 1, 2 and 4, run in turn
/// in one process (so a change in the machine's load reaches every setting alike), median of three.
/// </summary>
internal static class ParallelSeeds
{
    private const int Runs = 3;
    private const int Seeds = 20_000;
    private static readonly int[] Settings = [1, 2, 4];

    public static void Run(Report report)
    {
        var rows = new List<string[]>();
        rows.AddRange(Measure("2 threads, CAS-loop increment (2 each)", options => LoomModel.Check(BenchModels.CasLoopTwoIncrementsEach, options)));
        rows.AddRange(Measure("3 threads, increment under a lock", options => LoomModel.Check(BenchModels.LockThreeThreads, options)));
        rows.AddRange(Measure("async, 3 tasks", options => LoomModel.Check(BenchModels.ThreeTasks, options)));
        report.Table(
            "Random, 20,000 seeds, by Parallelism",
            $"One `LoomModel.Check` of {Seeds:N0} seeds per run; the settings take turns, {Runs} runs each, median shown. " +
            "Speed-up is against Parallelism 1 in the same process. Every parallel run's result equals the sequential one (tests/Loom.Core.Tests/Engine/ParallelExplorationTests.cs).",
            ["model", "Parallelism", "executions/s", "speed-up", "chunks run again"],
            rows);
    }

    private static IEnumerable<string[]> Measure(string name, Func<LoomOptions, ExplorationResult> explore)
    {
        var options = new LoomOptions { Strategy = LoomStrategy.Random, Iterations = Seeds };
        explore(options);
        var rates = Settings.ToDictionary(p => p, _ => new List<double>());
        var reruns = Settings.ToDictionary(p => p, _ => 0);
        for (var run = 0; run < Runs; run++)
        {
            foreach (var parallelism in Settings)
            {
                var clock = Stopwatch.StartNew();
                var result = explore(options with { Parallelism = parallelism });
                rates[parallelism].Add(result.Executions / clock.Elapsed.TotalSeconds);
                reruns[parallelism] += result.ChunkReruns;
            }
        }
        var median = Settings.ToDictionary(p => p, p => rates[p].Order().ElementAt(Runs / 2));
        return Settings.Select(p => new[]
        {
            name,
            p.ToString(CultureInfo.InvariantCulture),
            median[p].ToString("N0", CultureInfo.InvariantCulture),
            (median[p] / median[1]).ToString("0.00", CultureInfo.InvariantCulture) + "x",
            reruns[p].ToString(CultureInfo.InvariantCulture),
        });
    }

}
