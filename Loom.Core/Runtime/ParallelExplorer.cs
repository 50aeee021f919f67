using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using Loom.Coverage.Recording;
using Loom.Exploration;
using Loom.Runtime.Sharing;

namespace Loom.Runtime;

/// <summary>
/// Runs the seeds of a random or PCT exploration on <see cref="LoomOptions.Parallelism"/> workers with the result of
/// a sequential run. Seeds are independent except through the racing set: a race one execution finds makes its
/// location a scheduling point for every later one. So workers run chunks of consecutive seeds speculatively, each
/// from the racing set and first failure committed when it started, and the caller commits chunks in seed order:
/// a chunk that started from another state than the one the chunks before it left runs again. Within a chunk the
/// explorer's sequential rules hold, and the first chunk that stops the run (a failure, the time limit) ends it.
/// </summary>
internal sealed class ParallelExplorer
{
    /// <summary>The most seeds in one chunk: a chunk costs a worker handoff and a watchdog, about one execution.</summary>
    private const int MaxSeedsPerChunk = 64;

    /// <summary>The fewest seeds in one chunk, however short the run.</summary>
    private const int MinSeedsPerChunk = 8;

    private readonly LoomOptions _options;
    private readonly ModelBody _body;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Guards everything below; workers wait on it for work and the caller for finished chunks.</summary>
    private readonly object _gate = new();
    private readonly SortedSet<int> _again = new();
    private Attempt?[] _attempts = [];
    private int _chunkCount;
    private int _nextChunk;
    private RacingLocations _racing = new([]);
    private LoomFailure? _failure;
    private volatile bool _over;

    /// <summary>How many times a chunk ran again because the state it started from was not the committed one.</summary>
    private int _reruns;

    public ParallelExplorer(LoomOptions options, ModelBody body)
    {
        _options = options;
        _body = body;
    }

    /// <summary>Whether the options ask for a parallel run: more than one worker, a seeded strategy with more than one seed, no replay.</summary>
    public static bool Applies(LoomOptions options) =>
        options.Parallelism > 1 && options.Schedule is null && options.Iterations > 1 && options.Strategy is LoomStrategy.Random or LoomStrategy.Pct;

    public ExplorationResult Run()
    {
        SegmentOutcome? total = null;
        var before = 0;
        var pctSteps = 0;
        if (_options.Strategy == LoomStrategy.Pct)
        {
            // The probe measures the length every seed's change points are drawn from, so it runs before them all.
            var probe = new PctStrategy(_options.Seed, 0, _options.PctDepth);
            var probed = new Explorer(_options, _body).ExploreWatched(new ExplorationSegment(probe, _racing, _clock));
            if (probed.Abandoned is { } abandoned)
                return abandoned;
            total = probed;
            if (probed.Stopped)
                return total.Result(_options, _clock.Elapsed);
            before = probed.Executions;
            pctSteps = probe.Steps;
            _failure = probed.Failure;
        }

        var seeds = Math.Min(_options.Iterations, (_options.MaxExecutions ?? int.MaxValue) - before);
        if (seeds <= 0)
            return total!.Result(_options, _clock.Elapsed);
        var perChunk = _options.SeedsPerChunk ?? Math.Clamp(seeds / (4 * _options.Parallelism), MinSeedsPerChunk, MaxSeedsPerChunk);
        _chunkCount = (seeds + perChunk - 1) / perChunk;
        _attempts = new Attempt?[_chunkCount];
        var chunks = new Chunk[_chunkCount];
        for (var i = 0; i < _chunkCount; i++)
            chunks[i] = new Chunk(i * perChunk, Math.Min(perChunk, seeds - i * perChunk), before + i * perChunk, pctSteps);

        // The coverage record names the test from the caller's stack, which the workers' do not hold.
        var test = ControlledSiteLog.Enabled ? CoverageTestContext.CurrentTest ?? CallingTest.FromStack() : null;
        var workers = new Thread[Math.Min(_options.Parallelism, _chunkCount)];
        // The first chunks are handed out before any worker starts, all from the starting state, so which chunks run
        // speculatively does not depend on how soon the OS starts each worker (and a worker that started early cannot
        // have taken the chunks a later one's first was to be).
        var firsts = new Attempt[workers.Length];
        lock (_gate)
        {
            for (var i = 0; i < firsts.Length; i++)
                firsts[i] = Assign(_nextChunk++);
        }
        for (var i = 0; i < workers.Length; i++)
        {
            var first = firsts[i];
            // Thread.Start flows the caller's execution context (the test's name, discovery's listing flag).
            workers[i] = new Thread(() => Work(first, chunks, test)) { IsBackground = true, Name = $"Loom seeds {i + 1}" };
            workers[i].Start();
        }
        try
        {
            return Commit(total);
        }
        finally
        {
            lock (_gate)
            {
                _over = true;
                Monitor.PulseAll(_gate);
            }
            // Executions still running need the exploration to stay active until they reach their next seed and stop.
            foreach (var worker in workers)
                worker.Join();
        }
    }

    /// <summary>Commits the chunks in seed order into <paramref name="total"/> (the probe's outcome, if any) and returns the run's result.</summary>
    private ExplorationResult Commit(SegmentOutcome? total)
    {
        lock (_gate)
        {
            var next = 0;
            while (next < _chunkCount)
            {
                if (_attempts[next] is not { Done: true } attempt)
                {
                    Monitor.Wait(_gate);
                    continue;
                }
                if (attempt.Outcome is not { Cancelled: false } outcome || !attempt.Start.SameAs(_racing) || attempt.EarlierFailure != _failure)
                {
                    // An error of a chunk that started from a stale state may not happen from the right one.
                    RunAgain(next);
                    continue;
                }
                if (attempt.CommitInto(ref total) is { } abandoned)
                    return abandoned;
                // The total holds what a result needs; the committed chunk's own outcome (its schedules, its sites) can go.
                _attempts[next] = null;
                next++;
                if (outcome.Stopped)
                    break;
                _racing = outcome.Racing;
                _failure = outcome.Failure;
                // Only chunks handed out so far have attempts; the rest will start from this state.
                for (var later = next; later < _nextChunk; later++)
                {
                    if (_attempts[later] is { } started && (!started.Start.SameAs(_racing) || started.EarlierFailure != _failure))
                        RunAgain(later);
                }
            }
            return total!.Result(_options, _clock.Elapsed, _reruns, next);
        }
    }

    /// <summary>Queues a chunk to run again from the committed state; its running attempt, if any, stops at its next seed. Under the gate.</summary>
    private void RunAgain(int chunk)
    {
        if (_attempts[chunk] is { } stale)
            stale.Cancelled = true;
        _attempts[chunk] = null;
        _again.Add(chunk);
        _reruns++;
        Monitor.PulseAll(_gate);
    }

    /// <summary>Runs <paramref name="first"/>, then the chunks <see cref="Next"/> hands out, until the run is over.</summary>
    private void Work(Attempt first, Chunk[] chunks, string? test)
    {
        if (test is not null)
            CoverageTestContext.CurrentTest ??= test;
        for (Attempt? attempt = first; attempt is not null; attempt = Next())
        {
            var chunk = chunks[attempt.Chunk];
            IExplorationStrategy strategy = _options.Strategy == LoomStrategy.Pct
                ? new PctStrategy(_options.Seed + chunk.FirstSeed, chunk.Seeds, _options.PctDepth, chunk.PctSteps)
                : new RandomWalkStrategy(_options.Seed + chunk.FirstSeed, chunk.Seeds);
            var segment = new ExplorationSegment(strategy, attempt.Start.Copy(), _clock)
            {
                ExecutionsBefore = chunk.ExecutionsBefore,
                EarlierFailure = attempt.EarlierFailure,
                Coverage = ControlledSiteLog.Enabled ? new SiteBatch() : null,
                Cancelled = () => attempt.Cancelled || _over,
            };
            attempt.Explore(_options, _body, segment, _gate);
        }
    }

    /// <summary>The next chunk to run, from the committed state: one that must run again first, else the next new one.</summary>
    private Attempt? Next()
    {
        lock (_gate)
        {
            while (!_over)
            {
                int chunk;
                if (_again.Count > 0)
                {
                    chunk = _again.Min;
                    _again.Remove(chunk);
                }
                else if (_nextChunk < _chunkCount)
                {
                    // Past the time limit no new chunk starts; the run ends with the chunks already started.
                    if (_nextChunk > 0 && _options.MaxDuration is { } duration && _clock.Elapsed >= duration)
                    {
                        _chunkCount = _nextChunk;
                        Monitor.PulseAll(_gate);
                        continue;
                    }
                    chunk = _nextChunk++;
                }
                else
                {
                    Monitor.Wait(_gate);
                    continue;
                }
                return Assign(chunk);
            }
            return null;
        }
    }

    /// <summary>Starts an attempt at <paramref name="chunk"/> from the committed state. Under the gate.</summary>
    private Attempt Assign(int chunk)
    {
        var attempt = new Attempt(chunk, _racing.Copy(), _failure);
        _attempts[chunk] = attempt;
        return attempt;
    }

    /// <summary>Consecutive seeds one worker runs at a time: seed indexes from <paramref name="FirstSeed"/>, numbered after <paramref name="ExecutionsBefore"/>.</summary>
    private sealed record Chunk(int FirstSeed, int Seeds, int ExecutionsBefore, int PctSteps);

    /// <summary>One run of a chunk, from the committed racing set and first failure when it started.</summary>
    private sealed class Attempt(int chunk, RacingLocations start, LoomFailure? earlierFailure) : SegmentWork(start, earlierFailure)
    {
        public int Chunk { get; } = chunk;
    }
}
