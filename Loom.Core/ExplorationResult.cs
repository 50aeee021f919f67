using System;
using System.Collections.Generic;

namespace Loom;

/// <summary>What a Loom run explored and what it found.</summary>
public sealed class ExplorationResult
{
    internal ExplorationResult(
        LoomOptions options,
        int executions,
        bool exhausted,
        bool prunedByBound,
        long controlledOperations,
        int longestExecution,
        LoomFailure? failure,
        IReadOnlyList<string> schedules,
        TimeSpan elapsed)
    {
        Options = options;
        Executions = executions;
        Exhausted = exhausted;
        PrunedByBound = prunedByBound;
        ControlledOperations = controlledOperations;
        LongestExecution = longestExecution;
        Failure = failure;
        Schedules = schedules;
        Elapsed = elapsed;
    }

    /// <summary>The options the run used.</summary>
    public LoomOptions Options { get; }

    /// <summary>How many executions of the body ran (restarts after a garbage collection are not counted).</summary>
    public int Executions { get; }

    /// <summary>
    /// For the exhaustive strategy: whether every interleaving within the preemption bound was explored
    /// (up to partial-order equivalence). Always <see langword="false"/> for random and PCT.
    /// </summary>
    public bool Exhausted { get; }

    /// <summary>Whether the preemption bound cut off interleavings that an unbounded run would explore.</summary>
    public bool PrunedByBound { get; }

    /// <summary>How many scheduling points all executions took together.</summary>
    public long ControlledOperations { get; }

    /// <summary>The most scheduling points any one execution took.</summary>
    public int LongestExecution { get; }

    /// <summary>The first failing execution, or <see langword="null"/> if every execution passed.</summary>
    public LoomFailure? Failure { get; }

    /// <summary>
    /// Every failing execution, in the order they ran: just <see cref="Failure"/> unless
    /// <see cref="LoomOptions.StopAtFirstFailure"/> was turned off.
    /// </summary>
    public IReadOnlyList<LoomFailure> Failures { get; init; } = Array.Empty<LoomFailure>();

    /// <summary>Whether every execution passed.</summary>
    public bool Passed => Failure is null;

    /// <summary>
    /// How many schedule ids (and trace hashes) a result keeps: the first ones in run order. Counts and failures are
    /// kept whatever the length of the run, so a long exploration's memory stays flat.
    /// </summary>
    public const int MaxKeptSchedules = 100_000;

    /// <summary>
    /// The schedule id of every execution in the order they ran, up to the first <see cref="MaxKeptSchedules"/>
    /// (<see cref="Executions"/> counts them all).
    /// </summary>
    public IReadOnlyList<string> Schedules { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// With <see cref="LoomOptions.DeterminismCheck"/>: the trace hash of every execution, in run order (the same
    /// schedule and seed give the same hash on every run), up to the first <see cref="MaxKeptSchedules"/>. Empty
    /// otherwise.
    /// </summary>
    public IReadOnlyList<string> TraceHashes { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The shared fields, array elements and collections of rewritten code that this exploration found racing (two
    /// threads, one writing, nothing ordering them), sorted by name. From the execution after each was found, its
    /// accesses were scheduling points, so the interleavings through it were explored and the test's assertions
    /// decided. Empty when nothing raced.
    /// </summary>
    public IReadOnlyList<string> RacingLocations { get; init; } = [];

    /// <summary>
    /// The assemblies, by name, that the threads called into although the test build did not rewrite them: they use
    /// System.Threading, tasks, timers or the clock, and Loom saw none of it, so the interleavings of what they do
    /// were not explored (docs/rewriting.md, "Code Loom did not see"). Empty when the threads called none.
    /// </summary>
    public IReadOnlyList<string> UnseenAssemblies { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The calls the threads made that ran as written because Loom does not model them yet, each as
    /// <c>Task.ContinueWith at Cache.cs:12</c>, in the order first made. Empty when there were none.
    /// </summary>
    public IReadOnlyList<string> UncontrolledCalls { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The warning <see cref="Summary"/> ends with (after <c>warning: </c>) when <see cref="UnseenAssemblies"/> or <see cref="UncontrolledCalls"/>
    /// is not empty: what Loom did not see, and the property that rewrites an assembly. <see langword="null"/> otherwise.
    /// </summary>
    public string? UnseenCodeWarning { get; init; }

    /// <summary>
    /// How many times an execution was run again because a garbage collection may have moved memory Loom names by
    /// address: the <c>ref</c> arguments of Loom.Threading's <c>Interlocked</c> and <c>Volatile</c> calls. Rewritten
    /// code's fields and array elements are named by object and field, so its explorations never restart. When not
    /// zero, <see cref="Summary"/> says so: a restart repeats the same decisions, so the result is unchanged, but the
    /// run took longer.
    /// </summary>
    public int GcRestarts { get; init; }

    /// <summary>
    /// How many executions were run again because queued work that ran on the OS thread of the thread that chose it
    /// stood in that thread's way (the price of running async work without OS thread switches; see docs/engine.md).
    /// </summary>
    internal int NestingRestarts { get; init; }

    /// <summary>
    /// With <see cref="LoomOptions.Parallelism"/> above 1: how many chunks of seeds ran again because a chunk before
    /// them learned a race or found a failure after they had started (docs/engine.md, "Parallel seeds"), or how many
    /// subtrees of an exhaustive search were given up after they started, because the guess they started from
    /// turned out wrong (docs/engine.md, "Parallel exhaustive search").
    /// </summary>
    internal int ChunkReruns { get; init; }

    /// <summary>With <see cref="LoomOptions.Parallelism"/> above 1: how many chunks of seeds or subtrees of the search the result was committed from.</summary>
    internal int Parts { get; init; }

    /// <summary>
    /// One line saying what was explored and what was found, for example
    /// <c>3 executions, 40 controlled operations; space exhausted; all passed</c>. When the threads ran code Loom did not
    /// see, it ends with <see cref="UnseenCodeWarning"/>, so a pass never reads as "all passed" alone.
    /// </summary>
    public string Summary
    {
        get
        {
            var what = $"{Executions} execution{(Executions == 1 ? "" : "s")}, {ControlledOperations} controlled operations";
            var strategy = Options.Strategy switch
            {
                LoomStrategy.Exhaustive when Options.Schedule is not null => $"replay of schedule {Options.Schedule}",
                LoomStrategy.Exhaustive when Exhausted && !PrunedByBound => "space exhausted",
                LoomStrategy.Exhaustive when Exhausted => $"space exhausted within preemption bound {Options.PreemptionBound}",
                LoomStrategy.Exhaustive => $"space not exhausted (stopped after {Executions} executions)",
                LoomStrategy.Random => $"random walk, seeds {Options.Seed}..{Options.Seed + Options.Iterations - 1}",
                _ => $"PCT depth {Options.PctDepth}, seeds {Options.Seed}..{Options.Seed + Options.Iterations - 1}",
            };
            var found = Passed ? "all passed" : $"failed: {Failure!.Kind}";
            // The racing fields were explored as scheduling points: saying which tells the reader the pass covered them.
            var races = RacingLocations.Count == 0 ? "" : $"; racing fields explored: {string.Join(", ", RacingLocations)}";
            var restarts = GcRestarts == 0 ? "" : $"; {GcRestarts} restart{(GcRestarts == 1 ? "" : "s")} after garbage collections";
            return UnseenCodeWarning is null
                ? $"{what}; {strategy}{races}{restarts}; {found}"
                : $"{what}; {strategy}{races}{restarts}; {found}; warning: {UnseenCodeWarning}";
        }
    }
}
