using System;
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

    /// <summary>
    /// The handoff floor's row: the OS threads and handoffs of Loom's random executions, the cost of one handoff
    /// among that many OS threads (<paramref name="nanosecondsPerHandoff"/>, by thread count), and the executions per
    /// second those handoffs alone would allow, beside Loom's rate and the goal.
    /// </summary>
    public string[] FloorRow(IReadOnlyDictionary<int, double> nanosecondsPerHandoff)
    {
        var threads = Median(rounds.Select(r => r.LoomRandom.OsThreadsPerExecution));
        var handoffs = Median(rounds.Select(r => r.LoomRandom.OsHandoffsPerExecution));
        var loom = Median(rounds.Select(r => r.LoomRandom.Rate));
        var goal = Model.GoalRatio * Median(rounds.Select(r => r.Coyote.Rate));
        var ringThreads = Math.Clamp((int)Math.Round(threads), nanosecondsPerHandoff.Keys.Min(), nanosecondsPerHandoff.Keys.Max());
        var cost = nanosecondsPerHandoff[ringThreads];
        var floor = handoffs > 0 ? 1e9 / (handoffs * cost) : double.PositiveInfinity;
        return
        [
            Model.Name,
            S(threads),
            S(handoffs),
            handoffs > 0 ? $"{N(cost)} ({ringThreads} threads)" : "-",
            double.IsPositiveInfinity(floor) ? "no handoffs" : N(floor),
            N(loom),
            $"{N(goal)} ({Model.GoalRatio}x)",
            goal <= floor ? "yes" : $"no: {X(goal / floor)} the floor",
        ];
    }

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string X(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "x";

    private static string S(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Bug(bool found) => found ? "found" : "none";
}
