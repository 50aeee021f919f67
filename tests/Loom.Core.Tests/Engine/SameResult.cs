using System;
using System.Linq;
using Xunit;

namespace Loom.Tests.Engine;

/// <summary>Asserts that a parallel run's result is the sequential run's, field by field.</summary>
internal static class SameResult
{
    /// <summary>Runs the options sequentially and at parallelism 2 and 4, asserts the three results equal, and returns the sequential one.</summary>
    public static ExplorationResult AtEveryParallelism(Action body, LoomOptions options)
    {
        var sequential = LoomModel.Explore(body, options);
        foreach (var parallelism in new[] { 2, 4 })
            Assert(sequential, LoomModel.Explore(body, options with { Parallelism = parallelism }));
        return sequential;
    }

    /// <summary>
    /// Every field the run's outcome consists of. GcRestarts is left out: a collection of the process's other work
    /// restarts an execution whenever it lands, sequential or not, and the summary names that count.
    /// </summary>
    public static void Assert(ExplorationResult expected, ExplorationResult actual)
    {
        Xunit.Assert.Equal(expected.Executions, actual.Executions);
        Xunit.Assert.Equal(expected.ControlledOperations, actual.ControlledOperations);
        Xunit.Assert.Equal(expected.LongestExecution, actual.LongestExecution);
        Xunit.Assert.Equal(expected.Schedules, actual.Schedules);
        Xunit.Assert.Equal(expected.TraceHashes, actual.TraceHashes);
        Xunit.Assert.Equal(expected.RacingLocations, actual.RacingLocations);
        Xunit.Assert.Equal(expected.Passed, actual.Passed);
        Xunit.Assert.Equal(expected.Exhausted, actual.Exhausted);
        Xunit.Assert.Equal(expected.PrunedByBound, actual.PrunedByBound);
        Xunit.Assert.Equal(expected.Failure?.Kind, actual.Failure?.Kind);
        Xunit.Assert.Equal(expected.Failure?.Seed, actual.Failure?.Seed);
        Xunit.Assert.Equal(expected.Failure?.ScheduleId, actual.Failure?.ScheduleId);
        Xunit.Assert.Equal(WithoutFrames(expected.Failure?.Report), WithoutFrames(actual.Failure?.Report));
        Xunit.Assert.Equal(expected.Failures.Select(f => WithoutFrames(f.Report)), actual.Failures.Select(f => WithoutFrames(f.Report)));
        Xunit.Assert.Equal(expected.UnseenAssemblies, actual.UnseenAssemblies);
        Xunit.Assert.Equal(expected.UncontrolledCalls, actual.UncontrolledCalls);
        Xunit.Assert.Equal(expected.UnseenCodeWarning, actual.UnseenCodeWarning);
    }

    /// <summary>
    /// A report without its stack frames: the runs compared are made at different times, and once the JIT has tiered
    /// a model up it may inline a frame (a model's assertion helper) that an earlier run's trace still shows.
    /// </summary>
    private static string? WithoutFrames(string? report) =>
        report is null ? null : string.Join('\n', report.Split('\n').Where(line => !line.TrimStart().StartsWith("at ", StringComparison.Ordinal)));
}
