using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using Loom.Coverage.Recording;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// One segment a worker of a parallel run explores (a chunk of seeds, a subtree of the search): the state it
/// started from, and what the caller reads once it is done. <see cref="Done"/>, <see cref="Outcome"/> and
/// <see cref="Error"/> are written and read under the run's gate.
/// </summary>
internal abstract class SegmentWork(RacingLocations start, LoomFailure? earlierFailure)
{
    /// <summary>The racing set the segment started from.</summary>
    public RacingLocations Start { get; } = start;

    /// <summary>The first failure before the segment when it started.</summary>
    public LoomFailure? EarlierFailure { get; } = earlierFailure;

    /// <summary>Set when the segment's result is no longer wanted; it stops at its next execution.</summary>
    public volatile bool Cancelled;

    public bool Done { get; private set; }

    public SegmentOutcome? Outcome { get; private set; }

    /// <summary>What the exploration threw, for the caller to rethrow if it commits the segment.</summary>
    public ExceptionDispatchInfo? Error { get; private set; }

    /// <summary>
    /// Explores <paramref name="segment"/> on the calling worker, then records the outcome under
    /// <paramref name="gate"/> and wakes its waiters. An error is kept for the caller to rethrow once it commits the
    /// segment (an error of a segment that started from a stale state may not happen from the right one), and the
    /// outcome is then a stopped one.
    /// </summary>
    public void Explore(LoomOptions options, ModelBody body, ExplorationSegment segment, object gate)
    {
        SegmentOutcome outcome;
        ExceptionDispatchInfo? error = null;
        try
        {
            outcome = new Explorer(options, body).ExploreWatched(segment);
        }
        catch (Exception e)
        {
            outcome = new SegmentOutcome(segment) { Stopped = true };
            error = ExceptionDispatchInfo.Capture(e);
        }
        lock (gate)
        {
            Outcome = outcome;
            Error = error;
            Done = true;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>
    /// Commits the done segment into the run's running <paramref name="total"/>: rethrows its error, or returns the
    /// whole run's result if the watchdog abandoned it, or adds its outcome to the total and records its controlled
    /// sites and returns <see langword="null"/>.
    /// </summary>
    public ExplorationResult? CommitInto(ref SegmentOutcome? total)
    {
        Error?.Throw();
        var outcome = Outcome!;
        if (outcome.Abandoned is { } abandoned)
            return abandoned;
        if (total is null)
            total = outcome;
        else
            total.Absorb(outcome);
        if (outcome.Segment.Coverage is { } batch)
            ControlledSiteLog.Record(batch);
        return null;
    }
}
