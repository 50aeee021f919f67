using System;
using System.Diagnostics;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// What one call of the explorer's loop starts from: the whole run when it is sequential, one chunk of consecutive
/// seeds of a parallel run (<see cref="ParallelExplorer"/>) or one subtree of a parallel exhaustive search
/// (<see cref="ParallelSearch"/>), which then starts from the state the parts before it left: their executions,
/// racing set and first failure.
/// </summary>
/// <param name="Strategy">The strategy whose executions the segment runs.</param>
/// <param name="Racing">The racing set the segment starts from; the segment adds what it learns.</param>
/// <param name="Clock">The whole run's clock, for <see cref="LoomOptions.MaxDuration"/>.</param>
internal sealed record ExplorationSegment(IExplorationStrategy Strategy, RacingLocations Racing, Stopwatch Clock)
{
    /// <summary>How many executions ran before the segment: its first is numbered one more.</summary>
    public int ExecutionsBefore { get; init; }

    /// <summary>The first failure of the executions before the segment, if any.</summary>
    public LoomFailure? EarlierFailure { get; init; }

    /// <summary>Where the segment counts controlled sites until it is committed; <see langword="null"/> to record them at once.</summary>
    public SiteBatch? Coverage { get; init; }

    /// <summary>Whether the segment's result is no longer wanted; checked between executions.</summary>
    public Func<bool>? Cancelled { get; init; }

    /// <summary>
    /// For a subtree of a parallel exhaustive search: end the segment after an execution that grows the racing set,
    /// where a sequential search starts again over the new space, so the coordinator starts the search again.
    /// </summary>
    public bool EndOnNewRace { get; init; }
}
