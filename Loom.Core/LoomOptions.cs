using System;

namespace Loom;

/// <summary>
/// Options for one Loom run. Every property is validated by <see cref="Validate"/> before anything runs,
/// and an invalid value is reported with the property's name and the accepted range.
/// </summary>
public sealed record LoomOptions
{
    /// <summary>The default preemption bound. CHESS found most bugs within two preemptions.</summary>
    public const int DefaultPreemptionBound = 2;

    /// <summary>The default bound on scheduling points in one execution before it counts as a livelock.</summary>
    public const int DefaultMaxSteps = 100_000;

    /// <summary>
    /// The most logical threads one execution may start (the main body included). Thread sets are
    /// 64-bit masks in the exploration's hot path.
    /// </summary>
    public const int MaxThreads = 64;

    /// <summary>The default bound on the stores one load may choose from.</summary>
    public const int DefaultMaxStoreHistory = 32;

    /// <summary>How interleavings are chosen. Default: <see cref="LoomStrategy.Exhaustive"/>.</summary>
    public LoomStrategy Strategy { get; init; } = LoomStrategy.Exhaustive;

    /// <summary>
    /// For <see cref="LoomStrategy.Exhaustive"/>: the most preemptions (switches away from a thread that
    /// could have continued) in one execution, or <see langword="null"/> for no bound. Default 2.
    /// </summary>
    public int? PreemptionBound { get; init; } = DefaultPreemptionBound;

    /// <summary>
    /// For <see cref="LoomStrategy.Random"/> and <see cref="LoomStrategy.Pct"/>: how many executions to run,
    /// one per seed, starting at <see cref="Seed"/>. Default 100. PCT first runs the default schedule once more,
    /// to measure the execution length its priority change points are drawn from; a failure found by that probe
    /// run has no seed and is replayed by its schedule id.
    /// </summary>
    public int Iterations { get; init; } = 100;

    /// <summary>The first seed for <see cref="LoomStrategy.Random"/> and <see cref="LoomStrategy.Pct"/>. Default 0.</summary>
    public long Seed { get; init; }

    /// <summary>For <see cref="LoomStrategy.Pct"/>: the bug depth d (d - 1 priority change points). Default 3.</summary>
    public int PctDepth { get; init; } = 3;

    /// <summary>The most scheduling points one execution may take before it fails as a livelock. Default 100,000.</summary>
    public int MaxSteps { get; init; } = DefaultMaxSteps;

    /// <summary>
    /// For <see cref="LoomStrategy.Exhaustive"/>: stop after this many executions even if the space is not
    /// exhausted (the result says so), or <see langword="null"/> for no cap.
    /// </summary>
    public int? MaxExecutions { get; init; }

    /// <summary>
    /// For <see cref="LoomStrategy.Exhaustive"/>: start no execution after the exploration has run this long, as if
    /// <see cref="MaxExecutions"/> had been reached (the result says the space was not exhausted), or
    /// <see langword="null"/> for no limit. Discovery lists schedules under such a limit.
    /// </summary>
    public TimeSpan? MaxDuration { get; init; }

    /// <summary>
    /// For <see cref="LoomStrategy.Exhaustive"/>: prune interleavings equivalent to one already explored
    /// (dynamic partial-order reduction with sleep sets). Default <see langword="true"/>; turn it off only
    /// to measure what it saves.
    /// </summary>
    public bool PartialOrderReduction { get; init; } = true;

    /// <summary>
    /// Which memory model loads follow. Default <see cref="LoomMemoryModel.DotNet"/>: a load may return any store
    /// the .NET memory model allows, so reorderings that only ARM64 hardware shows are found on any machine.
    /// </summary>
    public LoomMemoryModel MemoryModel { get; init; } = LoomMemoryModel.DotNet;

    /// <summary>
    /// The most stores one load may choose from under the .NET memory model. A load with more candidates fails the
    /// execution with its location (Loom never drops stores silently). Default 32.
    /// </summary>
    public int MaxStoreHistory { get; init; } = DefaultMaxStoreHistory;

    /// <summary>
    /// Report every data race on a shared field, array element or collection of rewritten code as a failure, with
    /// the source lines of both accesses: two logical threads accessed it, at least one writing and not both volatile
    /// or atomic, with no lock, volatile, Volatile or Interlocked operation ordering them. Default
    /// <see langword="false"/>: a race makes the racing accesses scheduling points, and the test's own assertions
    /// decide whether it matters, so a benign race is no failure.
    /// </summary>
    public bool ReportDataRaces { get; init; }

    /// <summary>
    /// Replay exactly this schedule id (as printed in a failure or a test case name) instead of exploring.
    /// </summary>
    public string? Schedule { get; init; }

    /// <summary>
    /// How long one logical thread may run between two scheduling points before the execution fails as
    /// stalled (typically a real <c>lock</c> statement or a System.Threading wait that Loom does not control).
    /// Default 10 seconds.
    /// </summary>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// After a failure is found, replay its schedule once more and report nondeterminism if the replay takes
    /// a different path. Default <see langword="true"/>.
    /// </summary>
    public bool VerifyFailureReplays { get; init; } = true;

    /// <summary>
    /// Stop at the first failing execution (the default). When <see langword="false"/>, the exploration goes on and
    /// <see cref="ExplorationResult.Failures"/> lists every failing execution: a test adapter uses it to list every
    /// schedule of a space some of whose schedules fail.
    /// </summary>
    public bool StopAtFirstFailure { get; init; } = true;

    /// <summary>
    /// Run every execution twice, the second time as a replay of the first's schedule and seed, and fail with the
    /// first differing step if their traces differ. Doubles the cost; fills <see cref="ExplorationResult.TraceHashes"/>.
    /// Default <see langword="false"/>.
    /// </summary>
    public bool DeterminismCheck { get; init; }

    /// <summary>
    /// Fail an execution whose threads run code Loom did not see (docs/rewriting.md, "Code Loom did not see"): a call
    /// into an assembly the test build did not rewrite although it uses System.Threading, tasks, timers or the clock,
    /// or a call the rewriter left as written because Loom does not model it yet. The failure is
    /// <see cref="FailureKind.UncontrolledConcurrency"/> at the call's line. Default <see langword="false"/>: the
    /// run goes on and its <see cref="ExplorationResult.Summary"/> carries a warning naming that code.
    /// </summary>
    public bool FailOnUnseenCode { get; init; }

    /// <summary>
    /// How many workers explore at once. Default 1. The result is the same as with one worker: the same executions,
    /// schedules in the sequential order, counts, racing locations and first failure. Random and PCT workers run
    /// consecutive chunks of seeds, and a chunk that started before an earlier one learned a race runs again. The
    /// exhaustive search hands out the subtrees below the path's first branches, guesses which come next from what
    /// the running ones found so far, and runs again one that started from a guess that turned out wrong. A replay
    /// of <see cref="Schedule"/> ignores it.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>
    /// For tests of <see cref="Parallelism"/>: how many consecutive seeds one worker runs at a time, or
    /// <see langword="null"/> for the size the explorer picks.
    /// </summary>
    internal int? SeedsPerChunk { get; init; }

    /// <summary>
    /// For tests of <see cref="Parallelism"/> with the exhaustive strategy: how many branches with a choice the
    /// coordinator keeps above the subtrees it hands out, or <see langword="null"/> for the explorer's default.
    /// </summary>
    internal int? SplitDepth { get; init; }

    /// <summary>
    /// Whether queued work may run on the OS thread of the thread that chose it (Execution.Transfer). Only tests
    /// turn it off, to check that explorations are the same either way.
    /// </summary>
    internal bool Nesting { get; init; } = true;

    /// <summary>Checks every option and throws <see cref="ArgumentException"/> naming the first invalid one.</summary>
    /// <exception cref="ArgumentException">An option is out of range or contradicts another.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Strategy))
            throw Invalid(nameof(Strategy), $"{(int)Strategy} is not a LoomStrategy; use {string.Join(", ", Enum.GetNames<LoomStrategy>())}");
        if (!Enum.IsDefined(MemoryModel))
            throw Invalid(nameof(MemoryModel), $"{(int)MemoryModel} is not a LoomMemoryModel; use {string.Join(", ", Enum.GetNames<LoomMemoryModel>())}");
        if (PreemptionBound is < 0)
            throw Invalid(nameof(PreemptionBound), $"{PreemptionBound} is negative; use 0 or more, or null for no bound");
        if (Iterations < 1)
            throw Invalid(nameof(Iterations), $"{Iterations} runs nothing; use 1 or more");
        if (PctDepth < 1)
            throw Invalid(nameof(PctDepth), $"{PctDepth} is below 1; PCT needs a depth of at least 1");
        if (MaxSteps < 1)
            throw Invalid(nameof(MaxSteps), $"{MaxSteps} allows no step; use 1 or more");
        if (MaxExecutions is < 1)
            throw Invalid(nameof(MaxExecutions), $"{MaxExecutions} allows no execution; use 1 or more, or null for no cap");
        if (MaxDuration is { } duration && duration <= TimeSpan.Zero)
            throw Invalid(nameof(MaxDuration), $"{duration} is not positive; use a positive time, or null for no limit");
        if (MaxStoreHistory < 1)
            throw Invalid(nameof(MaxStoreHistory), $"{MaxStoreHistory} lets a load read nothing; use 1 or more");
        if (StallTimeout <= TimeSpan.Zero)
            throw Invalid(nameof(StallTimeout), $"{StallTimeout} is not positive");
        if (Parallelism < 1)
            throw Invalid(nameof(Parallelism), $"{Parallelism} runs nothing; use 1 or more");
        if (SplitDepth is < 1)
            throw Invalid(nameof(SplitDepth), $"{SplitDepth} keeps no branch above the subtrees; use 1 or more");
        if (SeedsPerChunk is < 1)
            throw Invalid(nameof(SeedsPerChunk), $"{SeedsPerChunk} puts no seed in a chunk; use 1 or more");
        if (Schedule is not null && !ScheduleId.TryParse(Schedule, out _, out var error))
            throw Invalid(nameof(Schedule), error.TrimEnd('.'));
    }

    private static ArgumentException Invalid(string option, string why) =>
        new($"Invalid Loom option {option}: {why}.", option);
}
