using System;
using System.Collections.Generic;
using System.Diagnostics;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Reporting;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// Runs executions one after another, as the strategy directs, until the strategy has nothing left, the
/// execution cap is reached, or one fails; then confirms that the failing schedule replays.
/// </summary>
internal sealed partial class Explorer
{
    /// <summary>Executions after which nesting stops if more than one in four had to run again (see <see cref="RunOnce"/>).</summary>
    private const int NestingTrial = 32;

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
            if (ParallelSearch.Applies(_options))
                return new ParallelSearch(_options, _body).Run();
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
                if (outcome.RacingGrew)
                    break;
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
                    if (segment.EndOnNewRace)
                        outcome.RacingGrew = true;
                    else
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
