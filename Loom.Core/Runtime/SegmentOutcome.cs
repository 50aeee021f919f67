using System;
using System.Collections.Generic;
using System.Linq;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>What one <see cref="ExplorationSegment"/> ran and found; a run's result is its one segment's, or the total of its committed chunks'.</summary>
internal sealed class SegmentOutcome
{
    public SegmentOutcome(ExplorationSegment segment)
    {
        Segment = segment;
        Racing = segment.Racing;
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

    /// <summary>The racing set after the segment (after the last one absorbed).</summary>
    public RacingLocations Racing { get; private set; }

    /// <summary>Whether the run ends with this segment: a failure that stops it, or <see cref="LoomOptions.MaxDuration"/>.</summary>
    public bool Stopped { get; set; }

    /// <summary>Whether the segment ended because its last execution grew the racing set (<see cref="ExplorationSegment.EndOnNewRace"/>).</summary>
    public bool RacingGrew { get; set; }

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

    /// <summary>
    /// Adds the outcome of the segment that ran next, so a parallel run holds one running total rather than every
    /// chunk's outcome: the schedules and trace hashes it keeps stop at <see cref="ExplorationResult.MaxKeptSchedules"/>.
    /// </summary>
    public void Absorb(SegmentOutcome next)
    {
        Executions += next.Executions;
        Operations += next.Operations;
        Longest = Math.Max(Longest, next.Longest);
        Failure = next.Failure;
        Failures.AddRange(next.Failures);
        Schedules.AddRange(next.Schedules.Take(ExplorationResult.MaxKeptSchedules - Schedules.Count));
        Hashes.AddRange(next.Hashes.Take(ExplorationResult.MaxKeptSchedules - Hashes.Count));
        Unseen.Add(next.Unseen);
        Racing = next.Racing;
        Stopped = next.Stopped;
        Exhausted = next.Exhausted;
        PrunedByBound = next.PrunedByBound;
        GcRestarts += next.GcRestarts;
        NestingRestarts += next.NestingRestarts;
    }

    /// <summary>The result of a run whose outcome (or running total of outcomes) this is.</summary>
    /// <param name="options">The run's options.</param>
    /// <param name="elapsed">The run's time.</param>
    /// <param name="reruns">For a parallel run: chunks that ran again (<see cref="ExplorationResult.ChunkReruns"/>).</param>
    /// <param name="parts">For a parallel run: the chunks or subtrees committed (<see cref="ExplorationResult.Parts"/>).</param>
    public ExplorationResult Result(LoomOptions options, TimeSpan elapsed, int reruns = 0, int parts = 0) =>
        new(options, Executions, Exhausted, PrunedByBound, Operations, Longest, Failure, Schedules, elapsed)
        {
            Parts = parts,
            GcRestarts = GcRestarts,
            NestingRestarts = NestingRestarts,
            ChunkReruns = reruns,
            RacingLocations = [.. Racing.Names.Order(StringComparer.Ordinal)],
            TraceHashes = Hashes,
            Failures = Failures,
            UnseenAssemblies = Unseen.Assemblies,
            UncontrolledCalls = Unseen.UncontrolledCalls,
            UnseenCodeWarning = Unseen.Warning,
        };
}
