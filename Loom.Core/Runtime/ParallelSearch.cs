using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// Runs an exhaustive search on <see cref="LoomOptions.Parallelism"/> workers with the result of a sequential run.
/// The sequential search is depth-first, so once the path's first branches with a choice are fixed (its top), every
/// execution below them runs before any of those branches changes. Each such subtree is a task a worker explores
/// with the sequential rules (an <see cref="ExhaustiveStrategy"/> whose prefix is frozen), and the caller keeps the
/// top (<see cref="SearchTop"/>) and commits the subtrees in the sequential order. Which subtree comes next depends
/// on the alternatives the ones before it ask for, so the caller guesses from what the running ones asked so far,
/// and a subtree that started from another prefix, racing set or first failure than the committed ones leave runs
/// again. A subtree ends early when it learns a race, where the sequential search starts again over the new space.
/// </summary>
internal sealed class ParallelSearch
{
    /// <summary>Branches with a choice in the top, unless a test sets <see cref="LoomOptions.SplitDepth"/>.</summary>
    private const int DefaultSplitDepth = 6;

    private readonly LoomOptions _options;
    private readonly ModelBody _body;
    private readonly int _splitDepth;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Guards everything below; workers wait on it for subtrees and the caller for finished ones.</summary>
    private readonly object _gate = new();

    /// <summary>The subtrees handed out, in the sequential order: the first is the next to commit, the rest are guesses.</summary>
    private readonly List<Subtree> _chain = new();
    private SearchTop _top;
    private RacingLocations _racing = new([]);
    private LoomFailure? _failure;

    /// <summary>Executions of the committed subtrees.</summary>
    private int _executions;

    private bool _over;

    /// <summary>Subtrees given up after they started, because the state they started from turned out not to be the committed one.</summary>
    private int _reruns;

    public ParallelSearch(LoomOptions options, ModelBody body)
    {
        _options = options;
        _body = body;
        _splitDepth = options.SplitDepth ?? DefaultSplitDepth;
        _top = new SearchTop(options.PreemptionBound);
    }

    /// <summary>Whether the options ask for a parallel exhaustive search: more than one worker, no replay.</summary>
    public static bool Applies(LoomOptions options) =>
        options.Parallelism > 1 && options.Schedule is null && options.Strategy == LoomStrategy.Exhaustive;

    public ExplorationResult Run()
    {
        // The coverage record names the test from the caller's stack, which the workers' do not hold.
        var test = ControlledSiteLog.Enabled ? CoverageTestContext.CurrentTest ?? CallingTest.FromStack() : null;
        lock (_gate)
            Guess();
        var workers = new Thread[_options.Parallelism];
        for (var i = 0; i < workers.Length; i++)
        {
            // Thread.Start flows the caller's execution context (the test's name, discovery's listing flag).
            workers[i] = new Thread(() => Work(test)) { IsBackground = true, Name = $"Loom search {i + 1}" };
            workers[i].Start();
        }
        try
        {
            return Commit();
        }
        finally
        {
            lock (_gate)
            {
                _over = true;
                Monitor.PulseAll(_gate);
            }
            // Executions still running need the exploration to stay active until they reach their next one and stop.
            foreach (var worker in workers)
                worker.Join();
        }
    }

    /// <summary>Commits the subtrees in the sequential order and returns the run's result.</summary>
    private ExplorationResult Commit()
    {
        SegmentOutcome? total = null;
        var exhausted = false;
        var pruned = false;
        var parts = 0;
        lock (_gate)
        {
            while (true)
            {
                Guess();
                if (_chain.Count == 0)
                    break;
                var head = _chain[0];
                if (!head.Done)
                {
                    Monitor.Wait(_gate);
                    continue;
                }
                _chain.RemoveAt(0);
                var outcome = head.Outcome!;
                if (!Holds(head))
                {
                    // An error of a subtree that started from a stale state may not happen from the right one.
                    _reruns += 1 + CancelFrom(0);
                    continue;
                }
                if (head.CommitInto(ref total) is { } abandoned)
                    return abandoned;
                parts++;
                _executions += outcome.Executions;
                _failure = outcome.Failure;
                var capped = _executions >= _options.MaxExecutions;
                if (outcome.RacingGrew)
                {
                    // The sequential search starts again over the new space, and forgets what the bound cut off.
                    _racing = outcome.Racing;
                    _top = new SearchTop(_options.PreemptionBound);
                    pruned = false;
                    if (outcome.Stopped || capped)
                        break;
                    _reruns += CancelFrom(0);
                    continue;
                }
                pruned |= outcome.PrunedByBound;
                // A subtree with executions left below its floor stopped the run (a failure, the time limit, the cap).
                if (!head.Strategy!.Exhausted)
                    break;
                // Its last execution left nothing below the floor, so the sequential search's backtracking went on
                // into the top, and may have found it exhausted or cut an alternative by the bound, even if the run
                // stops there.
                head.Record.TryRead(out var created, out var requests);
                if (!_top.Advance(created, requests))
                {
                    exhausted = true;
                    break;
                }
                if (outcome.Stopped || capped)
                    break;
                if (_options.MaxDuration is { } duration && _clock.Elapsed >= duration)
                    break;
            }
            CancelFrom(0);
        }
        total!.Exhausted = exhausted && (total.Failure is null || !_options.StopAtFirstFailure);
        total.PrunedByBound = pruned || _top.PrunedByBound;
        return total.Result(_options, _clock.Elapsed, _reruns, parts);
    }

    /// <summary>
    /// Whether a finished subtree's outcome is the one the sequential search would have: it started from the
    /// committed prefix, racing set and first failure, and either from the committed count of executions or with
    /// nothing that count changes (a failure's report names its execution, and the cap counts them). Under the gate.
    /// </summary>
    private bool Holds(Subtree subtree)
    {
        var outcome = subtree.Outcome!;
        if (outcome.Cancelled || !_top.Leads(subtree.Prefix) || !subtree.Start.SameAs(_racing) || subtree.EarlierFailure != _failure)
            return false;
        if (subtree.ExecutionsBefore == _executions)
            return true;
        var complete = subtree.Strategy!.Exhausted || outcome.RacingGrew;
        return complete && outcome.Failures.Count == 0 && !outcome.Stopped && _executions + outcome.Executions <= (_options.MaxExecutions ?? int.MaxValue);
    }

    /// <summary>
    /// Checks the chain against what is known now and extends it: each subtree must start where the ones before
    /// it, moved on by what they asked so far, lead; the first that does not is given up with all after it. Then
    /// guesses are added until every worker has one, as far as the running subtrees have published their first
    /// execution. Under the gate.
    /// </summary>
    private void Guess()
    {
        while (true)
        {
            var guess = _top.Copy();
            var before = _executions;
            var running = 0;
            for (var i = 0; i < _chain.Count; i++)
            {
                var subtree = _chain[i];
                if (!guess.Leads(subtree.Prefix) || !subtree.Start.SameAs(_racing) || subtree.EarlierFailure != _failure)
                {
                    _reruns += CancelFrom(i);
                    break;
                }
                // After a subtree that ends the run or starts the search again, nothing can be guessed.
                if (subtree.Outcome is { } outcome && (outcome.Stopped || outcome.RacingGrew || outcome.Cancelled))
                    return;
                if (!subtree.Record.TryRead(out var created, out var requests) || !guess.Advance(created, requests))
                    return;
                if (subtree.Done)
                    before += subtree.Outcome!.Executions;
                else
                    running++;
            }
            if (running >= _options.Parallelism || _chain.Count >= 4 * _options.Parallelism)
                return;
            // Past the time limit no new subtree starts; the run ends with those already started.
            if (_options.MaxDuration is { } duration && _clock.Elapsed >= duration && _executions > 0)
                return;
            _chain.Add(new Subtree(guess.Prefix(), _racing.Copy(), _failure, before, new SubtreeRecord(Published)));
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Gives up the chain's subtrees from <paramref name="index"/> on; returns how many had started. Under the gate.</summary>
    private int CancelFrom(int index)
    {
        var started = 0;
        for (var i = index; i < _chain.Count; i++)
        {
            _chain[i].Cancelled = true;
            if (_chain[i].Started)
                started++;
        }
        _chain.RemoveRange(index, _chain.Count - index);
        return started;
    }

    /// <summary>A subtree published its first execution: wake the caller to guess further.</summary>
    private void Published()
    {
        lock (_gate)
            Monitor.PulseAll(_gate);
    }

    /// <summary>Explores the subtrees <see cref="Take"/> hands out, until the run is over.</summary>
    private void Work(string? test)
    {
        if (test is not null)
            CoverageTestContext.CurrentTest ??= test;
        while (Take() is { } subtree)
        {
            var strategy = new ExhaustiveStrategy(_options.PreemptionBound, _options.PartialOrderReduction, subtree.Prefix, _splitDepth, subtree.Record);
            subtree.Strategy = strategy;
            var segment = new ExplorationSegment(strategy, subtree.Start.Copy(), _clock)
            {
                ExecutionsBefore = subtree.ExecutionsBefore,
                EarlierFailure = subtree.EarlierFailure,
                Coverage = ControlledSiteLog.Enabled ? new SiteBatch() : null,
                Cancelled = () => subtree.Cancelled || _over,
                EndOnNewRace = true,
            };
            subtree.Explore(_options, _body, segment, _gate);
        }
    }

    /// <summary>The first subtree of the chain no worker has taken yet; waits for one.</summary>
    private Subtree? Take()
    {
        lock (_gate)
        {
            while (!_over)
            {
                foreach (var subtree in _chain)
                {
                    if (!subtree.Started)
                    {
                        subtree.Started = true;
                        return subtree;
                    }
                }
                Monitor.Wait(_gate);
            }
            return null;
        }
    }

    /// <summary>
    /// One subtree to explore: the executions below <paramref name="prefix"/>, from the racing set and first failure
    /// it was handed out with, numbered after <paramref name="executionsBefore"/> (a guess, unless it is the next to commit).
    /// </summary>
    private sealed class Subtree(Branch[] prefix, RacingLocations racing, LoomFailure? earlierFailure, int executionsBefore, SubtreeRecord record)
        : SegmentWork(racing, earlierFailure)
    {
        public Branch[] Prefix { get; } = prefix;

        public int ExecutionsBefore { get; } = executionsBefore;

        public SubtreeRecord Record { get; } = record;

        public ExhaustiveStrategy? Strategy { get; set; }

        public bool Started { get; set; }
    }
}
