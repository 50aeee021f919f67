using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>What one <see cref="ExplorationSegment"/> ran and found; the outcomes of a run's segments, in order, make its result.</summary>
internal sealed class SegmentOutcome
{
    public SegmentOutcome(ExplorationSegment segment)
    {
        Segment = segment;
    }

    /// <summary>The segment this is the outcome of.</summary>
    public ExplorationSegment Segment { get; }

    /// <summary>Executions the segment ran (restarts not counted).</summary>
    public int Executions { get; set; }

    /// <summary>Scheduling points of those executions together.</summary>
    public long Operations { get; set; }

    /// <summary>The most scheduling points one of them took.</summary>
    public int Longest { get; set; }

    /// <summary>The run's first failure so far: the segment's <see cref="ExplorationSegment.EarlierFailure"/>, or its own first.</summary>
    public LoomFailure? Failure { get; set; }

    /// <summary>The failures the segment found, in order.</summary>
    public List<LoomFailure> Failures { get; } = new();

    /// <summary>The schedule ids of its executions, in order.</summary>
    public List<string> Schedules { get; } = new();

    /// <summary>The trace hashes of its executions (<see cref="LoomOptions.DeterminismCheck"/>).</summary>
    public List<string> Hashes { get; } = new();

    /// <summary>The code its executions ran that Loom did not see.</summary>
    public UnseenCodeLog Unseen { get; } = new();

    /// <summary>The racing set after the segment.</summary>
    public RacingLocations Racing => Segment.Racing;

    /// <summary>Whether the run ends with this segment: a failure that stops it, or <see cref="LoomOptions.MaxDuration"/>.</summary>
    public bool Stopped { get; set; }

    /// <summary>Whether the segment gave up because <see cref="ExplorationSegment.Cancelled"/> said so; its outcome counts for nothing.</summary>
    public bool Cancelled { get; set; }

    /// <summary>The strategy's <see cref="Exploration.IExplorationStrategy.Exhausted"/> at the end, with no failure stopping it.</summary>
    public bool Exhausted { get; set; }

    /// <summary>The strategy's <see cref="Exploration.IExplorationStrategy.PrunedByBound"/> at the end.</summary>
    public bool PrunedByBound { get; set; }

    /// <summary>Restarts after garbage collections.</summary>
    public int GcRestarts { get; set; }

    /// <summary>Restarts for queued work that ran nested.</summary>
    public int NestingRestarts { get; set; }

    /// <summary>The whole run's result when the watchdog abandoned the segment's thread.</summary>
    public ExplorationResult? Abandoned { get; set; }

    /// <summary>The result of a run made of these outcomes, in order, the last one ending it.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="outcomes">The committed outcomes, in order.</param>
    /// <param name="elapsed">The run's time.</param>
    /// <param name="reruns">For a parallel run: chunks that ran again (<see cref="ExplorationResult.ChunkReruns"/>).</param>
    public static ExplorationResult Combine(LoomOptions options, IReadOnlyList<SegmentOutcome> outcomes, TimeSpan elapsed, int reruns = 0)
    {
        var last = outcomes[^1];
        var unseen = new UnseenCodeLog();
        foreach (var outcome in outcomes)
            unseen.Add(outcome.Unseen);
        return new ExplorationResult(
            options,
            outcomes.Sum(o => o.Executions),
            last.Exhausted,
            last.PrunedByBound,
            outcomes.Sum(o => o.Operations),
            outcomes.Max(o => o.Longest),
            last.Failure,
            Kept(outcomes.Select(o => o.Schedules)),
            elapsed)
        {
            GcRestarts = outcomes.Sum(o => o.GcRestarts),
            NestingRestarts = outcomes.Sum(o => o.NestingRestarts),
            ChunkReruns = reruns,
            RacingLocations = [.. last.Racing.Names.Order(StringComparer.Ordinal)],
            TraceHashes = Kept(outcomes.Select(o => o.Hashes)),
            Failures = [.. outcomes.SelectMany(o => o.Failures)],
            UnseenAssemblies = unseen.Assemblies,
            UncontrolledCalls = unseen.UncontrolledCalls,
            UnseenCodeWarning = unseen.Warning,
        };
    }

    private static List<string> Kept(IEnumerable<List<string>> lists)
    {
        var kept = new List<string>();
        foreach (var list in lists)
            kept.AddRange(list.Take(ExplorationResult.MaxKeptSchedules - kept.Count));
        return kept;
    }
}
