using System.Diagnostics;
using System.Globalization;

namespace Loom.Bench;

/// <summary>
/// One exploration of many executions of the CAS-loop model: resident memory and executions per second in each
/// million, which stay flat when the engine keeps only what a result needs.
/// </summary>
internal static class LongExploration
{
    private const int Million = 1_000_000;

    /// <summary>Body runs so far; the sampler reads it while the exploration goes on.</summary>
    private static long s_runs;

    public static void Run(Report report, int millions)
    {
        s_runs = 0;
        var marks = new List<(long Runs, TimeSpan At, long Rss)>();
        var clock = Stopwatch.StartNew();
        using var done = new System.Threading.ManualResetEventSlim();
        var sampler = new System.Threading.Thread(() =>
        {
            var next = (long)Million;
            while (!done.Wait(20))
            {
                var runs = System.Threading.Interlocked.Read(ref s_runs);
                if (runs < next)
                    continue;
                marks.Add((runs, clock.Elapsed, Environment.WorkingSet));
                next += Million;
            }
        })
        { IsBackground = true };
        marks.Add((0, TimeSpan.Zero, Environment.WorkingSet));
        sampler.Start();
        var result = LoomModel.Explore(
            () =>
            {
                System.Threading.Interlocked.Increment(ref s_runs);
                BenchModels.CasLoopTwoThreads();
            },
            new LoomOptions { Strategy = LoomStrategy.Random, Iterations = millions * Million });
        done.Set();
        sampler.Join();

        var rows = new List<string[]>();
        for (var i = 1; i < marks.Count; i++)
        {
            var runs = marks[i].Runs - marks[i - 1].Runs;
            var seconds = (marks[i].At - marks[i - 1].At).TotalSeconds;
            rows.Add(
            [
                (marks[i].Runs / (double)Million).ToString("0.0", CultureInfo.InvariantCulture),
                (runs / seconds).ToString("N0", CultureInfo.InvariantCulture),
                (marks[i].Rss / 1e6).ToString("0", CultureInfo.InvariantCulture),
            ]);
        }
        report.Table(
            "One long exploration",
            $"(a) the 2-thread CAS loop, Random, one `Explore` of {millions:N0} million executions ({result.Executions:N0} ran, " +
            $"{(result.Passed ? "all passed" : "failed")}, {result.Schedules.Count:N0} schedule ids kept, in {result.Elapsed.TotalSeconds:0} s). " +
            $"Resident memory before it started: {marks[0].Rss / 1e6:0} MB. A row per million body runs: the executions/s in that million and the resident memory at its end.",
            ["executions (millions)", "executions/s in this million", "resident MB"],
            rows);
    }
}
