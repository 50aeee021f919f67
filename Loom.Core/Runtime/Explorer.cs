using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Reporting;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// Runs executions one after another, as the strategy directs, until the strategy has nothing left, the
/// execution cap is reached, or one fails; then confirms that the failing schedule replays.
/// </summary>
internal sealed class Explorer
{
    /// <summary>
    /// A collection that interrupts the same execution at the same step this many times in a row is the model's
    /// own (GC.Collect, or allocation heavy enough to trigger one there), so restarting cannot get past it.
    /// Collections from elsewhere in the process land at varying steps and only cost a retry.
    /// </summary>
    private const int SameStepGcLimit = 50;

    /// <summary>An upper bound on restarts of one execution, so extreme collection pressure ends in an error, not a hang.</summary>
    private const int MaxGcRestarts = 1000;

    /// <summary>
    /// Restarts of one execution for collections after which it runs in a region without collections
    /// (<see cref="NoGcRegion"/>): a livelock then meets its step bound, whatever the collector would have done.
    /// </summary>
    private const int GcRestartsBeforeNoGcRegion = 3;

    /// <summary>Executions after which nesting stops if more than one in four had to run again (see <see cref="RunOnce"/>).</summary>
    private const int NestingTrial = 32;

    /// <summary>Restarts for nesting one execution may take before it runs with all its queued work on workers.</summary>
    private const int MaxUnnestedPerExecution = 4;

    /// <summary>How often the caller of an asynchronous body's exploration checks that it is making progress.</summary>
    private const int WatchMilliseconds = 250;

    private readonly LoomOptions _options;
    private readonly ModelBody _body;
    private int _gcRestarts;
    private int _nestingRestarts;
    private bool _nestingOff;

    /// <summary>The execution running now, for the watchdog of <see cref="ExploreWatched"/>.</summary>
    private volatile Execution? _current;

    /// <summary>Executions finished so far, and whether the watchdog gave the exploration up (both under <see cref="_progress"/>).</summary>
    private readonly object _progress = new();
    private int _finished;
    private bool _abandoned;

    public Explorer(LoomOptions options, ModelBody body)
    {
        _options = options;
        _body = body;
    }

    public ExplorationResult Run()
    {
        _options.Validate();
        if (LogicalThread.Current is not null)
            throw new InvalidOperationException("LoomModel.Explore was called from inside a Loom execution; explorations do not nest.");

        LoomRuntime.EnterExploration();
        try
        {
            if (ParallelExplorer.Applies(_options))
                return new ParallelExplorer(_options, _body).Run();
            var clock = Stopwatch.StartNew();
            var strategy = CreateStrategy(_options);
            // A replay's scheduling points are those of the schedule it replays; an exploration learns its own.
            var racing = new RacingLocations(strategy is ReplayStrategy replaying ? replaying.Schedule.Races : []);
            var outcome = ExploreWatched(new ExplorationSegment(strategy, racing, clock));
            return outcome.Abandoned ?? outcome.Result(_options, clock.Elapsed);
        }
        finally
        {
            LoomRuntime.ExitExploration();
        }
    }

    /// <summary>
    /// Explores on a pooled worker while the caller watches. Thread 0 of each execution runs on that worker; for an
    /// asynchronous body it also runs the queued work it chooses above its own scheduling points
    /// (Execution.RunAbove), so executions need no OS thread switch. Code stuck in a real wait or in a loop that
    /// never reaches Loom (the body itself, or a continuation above it) would otherwise hold the caller: the caller
    /// reports the stall and, if the thread does not come back, abandons it (a background thread, so it cannot keep
    /// the process alive) and returns the stalled execution's failure rather than hang.
    /// </summary>
    /// <param name="segment">The executions to run: the whole run, or a parallel run's chunk of seeds.</param>
    public SegmentOutcome ExploreWatched(ExplorationSegment segment)
    {
        _finished = segment.ExecutionsBefore;
        // The coverage record names the test from the caller's stack, which the worker's does not hold.
        var test = ControlledSiteLog.Enabled ? CoverageTestContext.CurrentTest ?? CallingTest.FromStack() : null;
        var context = ExecutionContext.Capture();
        var done = new ManualResetEventSlim();
        SegmentOutcome? result = null;
        ExceptionDispatchInfo? error = null;
        WorkerPool.Shared.Start(() =>
        {
            try
            {
                if (context is null)
                    result = Explore(segment);
                else
                    ExecutionContext.Run(context, _ => result = ExploreAs(test, segment), null);
            }
            catch (Exception ex)
            {
                error = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                done.Set();
            }
        });

        Execution? watched = null;
        var step = -1;
        var quiet = Stopwatch.StartNew();
        TimeSpan? abortSeen = null;
        var holder = new OsThreadState();
        while (!done.Wait(WatchMilliseconds))
        {
            var execution = _current;
            if (execution != watched || execution?.Step != step)
            {
                watched = execution;
                step = execution?.Step ?? -1;
                quiet.Restart();
                abortSeen = null;
                holder.Reset();
                continue;
            }
            if (execution is null)
                continue;
            // Parked threads watch for a stall themselves, but a thread running alone has no one else to watch it,
            // and work queued above a parked thread holds that thread's OS thread.
            // A thread asleep in the kernel is in a real wait and need not be given the whole StallTimeout (Linux only).
            if (!execution.Aborting && !execution.AwaitingEscapedWork && quiet.Elapsed >= OsThreadState.QuietBeforeProbe && holder.Blocked(execution.LastRunner))
                execution.ReportStall(inRealWait: true);
            if (!execution.Aborting && quiet.Elapsed >= _options.StallTimeout)
                execution.ReportStall();
            if (!execution.Aborting)
                continue;
            abortSeen ??= quiet.Elapsed;
            // An execution that stopped unwinds within StallTimeout (Execution.WaitForWorkers gives up on others then).
            if (quiet.Elapsed - abortSeen.Value >= 2 * _options.StallTimeout && Abandon(execution, segment.Clock.Elapsed) is { } abandoned)
                return new SegmentOutcome(segment) { Abandoned = abandoned, Stopped = true };
        }
        done.Dispose();
        error?.Throw();
        return result!;
    }

    private SegmentOutcome ExploreAs(string? test, ExplorationSegment segment)
    {
        if (test is not null)
            CoverageTestContext.CurrentTest ??= test;
        return Explore(segment);
    }

    /// <summary>Gives up an exploration whose thread is stuck in the execution it was running, and reports that execution.</summary>
    private ExplorationResult? Abandon(Execution stuck, TimeSpan elapsed)
    {
        int executions;
        lock (_progress)
        {
            if (_current != stuck)
                return null;
            _abandoned = true;
            executions = _finished + 1;
        }
        var failure = stuck.Failure ?? new ExecutionFailure(FailureKind.Stalled, "The execution stopped but did not unwind.", null, null, stuck.Step);
        failure = failure with
        {
            Message = failure.Message + $"\nThe OS thread that ran this execution did not come back within {(2 * _options.StallTimeout).TotalSeconds:0.#} s after it stopped; " +
                "Loom abandoned it and ended the exploration here.",
        };
        var report = FailureReport.Build(stuck, failure, null, executions, _options);
        return new ExplorationResult(_options, executions, false, false, stuck.Step, stuck.Step, report, [stuck.ScheduleId.ToString()], elapsed)
        {
            Failures = [report],
            UnseenAssemblies = stuck.Unseen.Assemblies,
            UncontrolledCalls = stuck.Unseen.UncontrolledCalls,
            UnseenCodeWarning = stuck.Unseen.Warning,
        };
    }

    /// <summary>
    /// Runs the segment's executions. Executions are numbered from the segment's start (the run's count before it),
    /// and the first failure is the earlier one if there was one, so a chunk of a parallel run reports what the same
    /// executions of a sequential run report.
    /// </summary>
    private SegmentOutcome Explore(ExplorationSegment segment)
    {
        var strategy = segment.Strategy;
        var racing = segment.Racing;
        var outcome = new SegmentOutcome(segment);
        var steps = new List<StepRecord>();
        var schedules = outcome.Schedules;
        var hashes = outcome.Hashes;
        var executions = segment.ExecutionsBefore;
        long operations = 0;
        var longest = 0;
        var failure = segment.EarlierFailure;
        var failures = outcome.Failures;
        var unseen = outcome.Unseen;

        try
        {
            while (_options.MaxExecutions is not { } cap || executions < cap)
            {
                if (executions > 0 && _options.MaxDuration is { } duration && segment.Clock.Elapsed >= duration)
                {
                    outcome.Stopped = true;
                    break;
                }
                if (segment.Cancelled?.Invoke() == true)
                {
                    outcome.Cancelled = true;
                    break;
                }
                if (!strategy.BeginExecution())
                    break;
                var seed = strategy.CurrentSeed ?? _options.Seed;
                var execution = RunOnce(strategy, steps, seed, racing, out var gcFailure);
                lock (_progress)
                {
                    if (_abandoned)
                        return null!;
                    _finished++;
                }
                // Running work on the chooser's OS thread saves thread switches only while restarts stay rare; a
                // model whose work mostly stops midway runs faster with all of it on workers (bench/RESULTS.md).
                var ran = executions - segment.ExecutionsBefore;
                if (ran >= NestingTrial && _nestingRestarts * 4 > ran)
                    _nestingOff = true;
                if (segment.Coverage is { } batch)
                    batch.Add(execution.Steps, execution.ScheduleId);
                else if (ControlledSiteLog.Enabled)
                    ControlledSiteLog.Record(execution.Steps, execution.ScheduleId);
                executions++;
                operations += execution.Step;
                longest = Math.Max(longest, execution.Step);
                if (schedules.Count < ExplorationResult.MaxKeptSchedules)
                    schedules.Add(execution.ScheduleId.ToString());
                if (execution.RanUnseenCode)
                    unseen.Add(execution.Unseen);

                if (gcFailure is not null)
                {
                    failure ??= Report(execution, strategy, executions, gcFailure);
                    failures.Add(failure);
                    outcome.Stopped = true;
                    break;
                }
                if (execution.Failure is null && strategy is ReplayStrategy replay && replay.Leftover(execution) is { } leftover)
                    execution.Fail(FailureKind.ScheduleDiverged, ReplayStrategy.DivergedMessage(ScheduleId.Parse(_options.Schedule!), leftover), null);
                strategy.EndExecution(execution);
                if (Learn(racing, execution, strategy) && strategy is ExhaustiveStrategy)
                {
                    // The racing accesses are scheduling points from now on, so the steps of every explored
                    // interleaving change: the exhaustive search starts again over the new space.
                    strategy = CreateStrategy(_options);
                }

                if (_options.DeterminismCheck && execution.Failure is null && !execution.Pruned)
                {
                    if (hashes.Count < ExplorationResult.MaxKeptSchedules)
                        hashes.Add(TraceHash.Of(execution.Steps, execution.Notes));
                    if (CheckDeterminism(execution, seed, executions) is { } different)
                    {
                        failure ??= different;
                        failures.Add(different);
                        outcome.Stopped = true;
                        break;
                    }
                }

                if (execution.Failure is { } failed)
                {
                    // Only the first failure keeps its whole long interleaving in a file; an exploration that goes on
                    // past failures (discovery's listing) would otherwise write one for each.
                    var found = Report(execution, strategy, executions, failed, wholeTraceToFile: failure is null);
                    if (_options.VerifyFailureReplays && failure is null && strategy is not ReplayStrategy && failed.Kind is not (FailureKind.Nondeterminism or FailureKind.Stalled or FailureKind.UncontrolledConcurrency))
                        found = VerifyReplays(found, execution, executions);
                    failure ??= found;
                    failures.Add(found);
                    if (_options.StopAtFirstFailure || found.Kind is FailureKind.Nondeterminism or FailureKind.Stalled or FailureKind.ScheduleDiverged)
                    {
                        outcome.Stopped = true;
                        break;
                    }
                    continue;
                }
                if (executions == 1 && execution.Step == 0 && !execution.Pruned)
                {
                    failure ??= Report(execution, strategy, executions, NothingControlled(execution));
                    failures.Add(failure);
                    outcome.Stopped = true;
                    break;
                }
            }
        }
        finally
        {
            _current = null;
        }

        outcome.Executions = executions - segment.ExecutionsBefore;
        outcome.Operations = operations;
        outcome.Longest = longest;
        outcome.Failure = failure;
        outcome.Exhausted = (failure is null || !_options.StopAtFirstFailure) && strategy.Exhausted;
        outcome.PrunedByBound = strategy.PrunedByBound;
        outcome.GcRestarts = _gcRestarts;
        outcome.NestingRestarts = _nestingRestarts;
        return outcome;
    }

    /// <summary>
    /// Adds the races <paramref name="execution"/> found on locations that were not racing yet to the exploration's
    /// racing set; returns whether it grew. A replay keeps the set its schedule names.
    /// </summary>
    private static bool Learn(RacingLocations racing, Execution execution, IExplorationStrategy strategy)
    {
        if (strategy is ReplayStrategy)
            return false;
        var grew = false;
        foreach (var race in execution.Shared.NewRaces)
            grew |= racing.Add(race.Hash, race.Name);
        return grew;
    }

    private Execution RunOnce(IExplorationStrategy strategy, List<StepRecord> steps, long seed, RacingLocations racing, out ExecutionFailure? gcFailure)
    {
        gcFailure = null;
        var lastStep = -1;
        var sameStep = 0;
        HashSet<int>? unnested = null;
        var nesting = _options.Nesting && !_nestingOff;
        for (var attempt = 0; ; attempt++)
        {
            var execution = new Execution(_options, strategy, steps, seed, racing) { Nesting = nesting, MainCanHost = _body.IsAsync, Unnested = unnested };
            _current = execution;
            using (attempt >= GcRestartsBeforeNoGcRegion ? NoGcRegion.TryEnter() : default)
                execution.Run(_body);
            if (!execution.RestartRequested)
            {
                // A seeded execution that found a new race runs again with the same seed and the racing accesses
                // as scheduling points: each seed is its own case, so it must not leave the race unexplored.
                if (strategy is SeededStrategy && execution.Failure is null && !execution.Pruned && Learn(racing, execution, strategy))
                {
                    strategy.RestartExecution();
                    continue;
                }
                return execution;
            }
            if (execution.UnnestStep is { } unnest)
            {
                // The same decisions again, with that work on a worker. A hint that did not help means the
                // execution did not repeat itself (the nondeterminism checks report that); and each restart costs a
                // whole execution, so after a few the execution runs with all its work on workers.
                unnested ??= new HashSet<int>();
                if (!unnested.Add(unnest) || unnested.Count > MaxUnnestedPerExecution)
                    nesting = false;
                _nestingRestarts++;
                attempt--;
                strategy.RestartExecution();
                continue;
            }
            sameStep = execution.Step == lastStep ? sameStep + 1 : 1;
            lastStep = execution.Step;
            if (sameStep == SameStepGcLimit || attempt == MaxGcRestarts)
            {
                gcFailure = new ExecutionFailure(
                    FailureKind.Nondeterminism,
                    $"A garbage collection interrupted this execution {attempt + 1} times" +
                    (sameStep == SameStepGcLimit ? $", {SameStepGcLimit} times in a row at step {lastStep}. " : ". ") +
                    "Loom identifies memory passed by reference (Interlocked and Volatile on fields) by address, which a collection may move, " +
                    "so it restarts an execution a collection interrupts. " +
                    (sameStep == SameStepGcLimit
                        ? "The model itself triggers the collection there (GC.Collect, or large allocations between Interlocked/Volatile calls); move it out of the model body."
                        : "Collections elsewhere in the process are too frequent for the execution to finish; run the test with less allocation pressure around it."),
                    null,
                    null,
                    execution.Step);
                return execution;
            }
            _gcRestarts++;
            strategy.RestartExecution();
        }
    }

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

    private LoomFailure Report(Execution execution, IExplorationStrategy strategy, int executions, ExecutionFailure failure, bool wholeTraceToFile = true) =>
        FailureReport.Build(execution, failure, strategy.CurrentSeed, executions, _options, wholeTraceToFile);

    private static ExecutionFailure NothingControlled(Execution execution) => new(
        FailureKind.NothingControlled,
        "The test body finished without reaching any operation Loom controls, so nothing was explored and this test proves nothing. " +
        "Either the body starts no thread or task and touches no lock, atomic, event, timer or clock, or the code it calls was not rewritten: " +
        "the test build rewrites the test assembly and its project references when the project references a Loom adapter " +
        "(look for the 'Loom.Rewriting:' build messages; a package's assembly needs <LoomRewriteAssembly Include=\"Name\" />, and <LoomRewrite>false</LoomRewrite> turns it off), " +
        "and code built with rewriting off must use Loom.Threading (docs/rewriting.md).",
        0,
        null,
        execution.Step);

    private static IExplorationStrategy CreateStrategy(LoomOptions options)
    {
        if (options.Schedule is { } schedule)
            return new ReplayStrategy(ScheduleId.Parse(schedule));
        return options.Strategy switch
        {
            LoomStrategy.Exhaustive => new ExhaustiveStrategy(options.PreemptionBound, options.PartialOrderReduction),
            LoomStrategy.Random => new RandomWalkStrategy(options.Seed, options.Iterations),
            LoomStrategy.Pct => new PctStrategy(options.Seed, options.Iterations, options.PctDepth),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Strategy, "Unknown Loom strategy."),
        };
    }
}
