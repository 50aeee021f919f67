using System.Diagnostics;
using System.Globalization;
using Loom.Bench.PlainModels;

namespace Loom.Bench.Rewriting;

/// <summary>
/// Executions per second of a model written with plain System.Threading and rewritten by the build, against the
/// same model written with Loom.Threading, in alternating rounds of the same process (goal: within 1.5x). The two
/// must explore the same number of executions: the rewrite may cost time, never coverage.
/// </summary>
internal static class RewrittenThroughput
{
    private const int Rounds = 5;

    public static void Run(Report report)
    {
        report.Table(
            "Rewritten plain .NET against Loom.Threading",
            "Exhaustive exploration (unbounded preemptions) repeated for about a second per round; 5 alternating rounds, medians. " +
            "`plain` is the model in bench/Loom.Bench.PlainModels (`lock`, `new Thread`, `Interlocked`), rewritten by the build; " +
            "`mirror` is the same model in bench/Loom.Bench/BenchModels.cs. Ratio: mirror executions/s over plain executions/s (1.00 = the same speed).",
            ["model", "executions per exploration (plain / mirror)", "plain executions/s", "mirror executions/s", "ratio", "goal"],
            [
                Measure("(a) 2 threads, CAS-loop increment", PlainModels.PlainModels.CasLoopTwoThreads, BenchModels.CasLoopTwoThreads),
                Measure("(b) 3 threads, increment under a lock", PlainModels.PlainModels.LockThreeThreads, BenchModels.LockThreeThreads),
            ]);
    }

    private static string[] Measure(string name, Action plain, Action mirror)
    {
        var options = new LoomOptions { PreemptionBound = null };
        var plainCount = LoomModel.Check(plain, options).Executions;
        var mirrorCount = LoomModel.Check(mirror, options).Executions;
        if (plainCount != mirrorCount)
            throw new InvalidOperationException($"{name}: the rewritten model explored {plainCount} executions and the mirror's {mirrorCount}; they must be the same.");
        var plainRates = new List<double>();
        var mirrorRates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            plainRates.Add(Rate(plain, options));
            mirrorRates.Add(Rate(mirror, options));
        }
        var plainRate = Median(plainRates);
        var mirrorRate = Median(mirrorRates);
        return
        [
            name,
            $"{plainCount:N0} / {mirrorCount:N0}",
            plainRate.ToString("N0", CultureInfo.InvariantCulture),
            mirrorRate.ToString("N0", CultureInfo.InvariantCulture),
            (mirrorRate / plainRate).ToString("0.00", CultureInfo.InvariantCulture),
            "<= 1.5",
        ];
    }

    /// <summary>Executions per second of explorations of the model repeated for about a second.</summary>
    internal static double Rate(Action model, LoomOptions options)
    {
        var clock = Stopwatch.StartNew();
        long executions = 0;
        do
        {
            executions += LoomModel.Check(model, options).Executions;
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(1));
        return executions / clock.Elapsed.TotalSeconds;
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
