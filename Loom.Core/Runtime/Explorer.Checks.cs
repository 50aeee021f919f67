using System;
using System.Collections.Generic;
using Loom.Exploration;
using Loom.Reporting;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

// The checks of a finished execution: that a failure replays, and that a seed repeats itself.
internal sealed partial class Explorer
{
    private LoomFailure VerifyReplays(LoomFailure original, Execution failing, int executions)
    {
        var steps = new List<StepRecord>();
        var schedule = ScheduleId.Parse(original.ScheduleId);
        var replay = new ReplayStrategy(schedule);
        replay.BeginExecution();
        var again = RunOnce(replay, steps, failing.Seed, new RacingLocations(schedule.Races), out _);
        var divergence = FirstDivergence(failing.Steps, again.Steps);
        if (again.Failure?.Kind == original.Kind && divergence is null)
            return original;

        var what = again.Failure is null
            ? "the replay passed"
            : $"the replay failed differently ({again.Failure.Kind})";
        var where = divergence ?? "";
        var message =
            $"The test is nondeterministic: execution {executions} failed ({original.Kind}), but replaying its schedule {original.ScheduleId} took a different path: {what}. {where}" +
            "\nSomething outside Loom's control changes the run: real time, unseeded randomness, state left over from an earlier execution (a static field), or a real thread." +
            $"\n\nThe original failure was:\n{original.Message}";
        var nondeterministic = new ExecutionFailure(FailureKind.Nondeterminism, message, original.ThreadId, original.Exception, failing.Step);
        return FailureReport.Build(failing, nondeterministic, null, executions, _options);
    }

    private static string? FirstDivergence(IReadOnlyList<StepRecord> first, IReadOnlyList<StepRecord> second)
    {
        var count = Math.Min(first.Count, second.Count);
        for (var i = 0; i < count; i++)
        {
            var a = first[i];
            var b = second[i];
            if (a.Thread != b.Thread || a.Operation.Name != b.Operation.Name || a.Operation.Line != b.Operation.Line)
            {
                return $"First divergent step: {i}, where thread {a.Thread} ran {a.Operation.Name} at {a.Operation.Location} the first time " +
                    $"and thread {b.Thread} ran {b.Operation.Name} at {b.Operation.Location} on replay.";
            }
            if (TraceValues.Format(a.Value) != TraceValues.Format(b.Value) || a.Time != b.Time)
            {
                return $"First divergent step: {i}, {a.Operation.Name} at {a.Operation.Location} by thread {a.Thread}, which saw " +
                    $"{TraceValues.Format(a.Value) ?? "no value"} at {TimeSpan.FromTicks(a.Time)} the first time and " +
                    $"{TraceValues.Format(b.Value) ?? "no value"} at {TimeSpan.FromTicks(b.Time)} on replay.";
            }
        }
        if (first.Count != second.Count)
            return $"First divergent step: {count}, where one run ended and the other went on.";
        return null;
    }

    /// <summary>The first event of the simulated world (a fault) that differs between two runs of the same schedule and seed.</summary>
    private static string? FirstDivergence(IReadOnlyList<ExecutionNote> first, IReadOnlyList<ExecutionNote> second)
    {
        for (var i = 0; i < Math.Min(first.Count, second.Count); i++)
        {
            if (first[i] != second[i])
                return $"First divergent simulation event: \"{first[i].Text}\" at step {first[i].Step} the first time and \"{second[i].Text}\" at step {second[i].Step} on replay.";
        }
        return first.Count == second.Count ? null : $"First divergent simulation event: number {Math.Min(first.Count, second.Count)}, where one run had no more events.";
    }

    /// <summary>Runs the execution's schedule and seed again and compares the traces step by step.</summary>
    private LoomFailure? CheckDeterminism(Execution first, long seed, int executions)
    {
        var firstSteps = new List<StepRecord>(first.Steps);
        var replay = new ReplayStrategy(first.ScheduleId);
        replay.BeginExecution();
        var second = RunOnce(replay, new List<StepRecord>(), seed, new RacingLocations(first.ScheduleId.Races), out _);
        var divergence = FirstDivergence(firstSteps, second.Steps) ?? FirstDivergence(first.Notes, second.Notes);
        if (divergence is null && second.Failure is null)
            return null;
        var message =
            $"The determinism check failed: running schedule {first.ScheduleId} with seed {seed} twice gave different traces" +
            $"{(second.Failure is null ? "" : $" (the second run failed: {second.Failure.Kind})")}. {divergence}" +
            "\nSomething outside Loom's control changes the run: real time, unseeded randomness (Random.Shared, Guid.NewGuid instead of Sim.Random, Sim.NewGuid), " +
            "state left over from an earlier execution (a static field), or a real thread.";
        return FailureReport.Build(first, new ExecutionFailure(FailureKind.Nondeterminism, message, null, null, first.Step), seed, executions, _options);
    }
}
