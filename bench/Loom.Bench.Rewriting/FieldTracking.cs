using System.Globalization;
using Loom.Bench.PlainModels;

namespace Loom.Bench.Rewriting;

/// <summary>
/// What tracking plain fields costs in rewritten code: executions per second of one model with 10, 100 and 1,000 field
/// accesses per execution, when the two threads share the object (every access race-checked against the other
/// thread's), when each thread has its own, and when the counting is in a local (nothing to track), in alternating
/// rounds of the same process. All three explore the same executions: tracking a field that does not race adds no
/// scheduling point.
/// </summary>
internal static class FieldTracking
{
    private const int Rounds = 5;

    public static void Run(Report report)
    {
        report.Table(
            "Tracked field accesses",
            "bench/Loom.Bench.PlainModels/FieldModels.cs, rewritten by the build: two threads each take one lock and count into a field " +
            "(`shared`: one object for both; `unshared`: one each) or into a local (`untracked`). Exhaustive exploration repeated for about a second " +
            "per round; 5 alternating rounds, medians. Cost per access: (1/shared - 1/untracked) / accesses.",
            ["field accesses per execution", "executions per exploration", "shared executions/s", "unshared executions/s", "untracked executions/s", "shared / unshared", "cost per tracked access (ns)"],
            new[] { 10, 100, 1000 }.Select(Measure));
    }

    private static string[] Measure(int accesses)
    {
        Action shared = () => FieldModels.Shared(accesses);
        Action unshared = () => FieldModels.Unshared(accesses);
        Action untracked = () => FieldModels.Untracked(accesses);
        var options = new LoomOptions();
        var counts = new[] { shared, unshared, untracked }.Select(m => LoomModel.Check(m, options).Executions).Distinct().ToList();
        if (counts.Count != 1)
            throw new InvalidOperationException($"{accesses} accesses: the three models explored {string.Join(", ", counts)} executions; tracking must add no scheduling point.");
        var rates = new List<double>[] { new(), new(), new() };
        for (var round = 0; round < Rounds; round++)
        {
            rates[0].Add(RewrittenThroughput.Rate(shared, options));
            rates[1].Add(RewrittenThroughput.Rate(unshared, options));
            rates[2].Add(RewrittenThroughput.Rate(untracked, options));
        }
        var (s, u, b) = (RewrittenThroughput.Median(rates[0]), RewrittenThroughput.Median(rates[1]), RewrittenThroughput.Median(rates[2]));
        return
        [
            accesses.ToString("N0", CultureInfo.InvariantCulture),
            counts[0].ToString("N0", CultureInfo.InvariantCulture),
            s.ToString("N0", CultureInfo.InvariantCulture),
            u.ToString("N0", CultureInfo.InvariantCulture),
            b.ToString("N0", CultureInfo.InvariantCulture),
            (u / s).ToString("0.00", CultureInfo.InvariantCulture),
            ((1 / s - 1 / b) / accesses * 1e9).ToString("N0", CultureInfo.InvariantCulture),
        ];
    }
}
