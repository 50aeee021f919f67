using System;
using System.Collections.Generic;
using System.Linq;

namespace Loom.BugCorpus;

/// <summary>
/// The registry of every corpus program, in a stable order, for the corpus tests and the benchmark harness.
/// </summary>
public static class Corpus
{
    /// <summary>
    /// Workers in the largest pool-overflow program. Its bug needs all of them, and their arrival orders grow as
    /// the factorial of this number, beyond what exhaustive search affords: it is searched with the random
    /// strategy, and its fix is checked by a capped exhaustive run.
    /// </summary>
    public const int LargePoolWorkers = 10;

    /// <summary>Every program, in a stable order.</summary>
    public static IReadOnlyList<CorpusProgram> All { get; } =
    [
        LostUpdate.Program,
        LazyInitialization.Program,
        OrderViolation.Program,
        AbbaDeadlock.Program,
        DiningPhilosophers.For(3),
        DiningPhilosophers.For(5),
        MissedWakeup.Program,
        BoundedBufferStolenWakeup.Program,
        BoundedBufferPulseWrongWaiter.Program,
        AutoResetEventLostSignal.Program,
        WrongLock.Program,
        TwoStageAtomicityViolation.Program,
        AccountTransfer.Program,
        TreiberStackAba.Program,
        WorkStealingDeque.Program,
        AdmissionOverflow.For(3) with { RandomIterations = 2000, PctIterations = 10_000 },
        AdmissionOverflow.For(
            5,
            options: new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 5000 },
            fixedOptions: new LoomOptions { PreemptionBound = 1 }) with { RandomIterations = 5000, PctIterations = 20_000 },
        PoolOverflow.For(3),
        PoolOverflow.For(5, fixedOptions: new LoomOptions { PreemptionBound = 1 }),
        PoolOverflow.For(
            LargePoolWorkers,
            options: new LoomOptions { Strategy = LoomStrategy.Random, Iterations = 2000 },
            fixedOptions: new LoomOptions { MaxExecutions = 2000 },
            fixedExhausts: false),
        SemaphorePermitLeak.Program,
        CountdownSignalBeforePublish.Program,
        BarrierMissingPhase.Program,
        ReaderWriterUpgradeDeadlock.Program,
        ReaderWriterUpgradeRace.Program,
        EarlyReturnLockLeak.Program,
        StoreBufferingMutualExclusion.Program,
        MessagePassingPlainFlag.Program,
        SpscRingBuffer.Program,
        SpinLockWithoutCas.Program,
    ];

    /// <summary>The names of every program, in <see cref="All"/>'s order.</summary>
    public static IEnumerable<string> Names => All.Select(static p => p.Name);

    /// <summary>The program called <paramref name="name"/>.</summary>
    /// <param name="name">A program's <see cref="CorpusProgram.Name"/>.</param>
    /// <returns>The program.</returns>
    /// <exception cref="ArgumentException">No program has that name.</exception>
    public static CorpusProgram Get(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"The bug corpus has no program named '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
}
