using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Loom.Bench.Peer;

/// <summary>One model's rounds, reduced to medians for its table row.</summary>
internal sealed class PeerLine(PeerModel model, IReadOnlyList<PeerRound> rounds)
{
    public PeerModel Model { get; } = model;

    public double RandomRatio { get; } = Median(rounds.Select(r => r.LoomRandom.Rate / r.Coyote.Rate));

    public double ExhaustiveRatio { get; } = Median(rounds.Select(r => r.LoomExhaustive.Rate / r.Coyote.Rate));

    public bool AnyBug { get; } = rounds.Any(r => r.LoomRandom.BugFound || r.LoomExhaustive.BugFound || r.Coyote.BugFound);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return double.NaN;
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public string[] Row()
    {
        var first = rounds[0];
        return
        [
            Model.Name,
            N(Median(rounds.Select(r => r.LoomRandom.Rate))),
            N(Median(rounds.Select(r => r.LoomExhaustive.Rate))),
            N(Median(rounds.Select(r => r.Coyote.Rate))),
            X(RandomRatio),
            X(ExhaustiveRatio),
            $"{N(first.LoomRandom.Executions)}, {N(first.LoomExhaustive.Executions)} ({N(first.LoomExhaustive.ExecutionsPerExploration)}), {N(first.Coyote.Executions)}",
            $"{S(first.LoomRandom.StepsPerExecution)}, {S(first.Coyote.StepsPerExecution)}",
            $"{Bug(rounds.Any(r => r.LoomRandom.BugFound || r.LoomExhaustive.BugFound))}, {Bug(rounds.Any(r => r.Coyote.BugFound))}",
        ];
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string X(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "x";

    private static string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Bug(bool found) => found ? "found" : "none";
}
