using Loom.Runtime;

namespace Loom.Exploration;

/// <summary>
/// Decides, execution after execution, which thread runs at each scheduling point. One small class per way of
/// exploring: exhaustive (DPOR), random walk, PCT, replay.
/// </summary>
internal interface IExplorationStrategy
{
    /// <summary>Whether every interleaving the strategy covers was run (exhaustive strategy only).</summary>
    bool Exhausted { get; }

    /// <summary>Whether the preemption bound cut off interleavings an unbounded run would explore.</summary>
    bool PrunedByBound { get; }

    /// <summary>The seed of the current execution, for seeded strategies.</summary>
    long? CurrentSeed { get; }

    /// <summary>Prepares the next execution; <see langword="false"/> when there is nothing left to run.</summary>
    bool BeginExecution();

    /// <summary>The current execution is to run again from its first step, with the same decisions.</summary>
    void RestartExecution();

    /// <summary>
    /// Picks the thread that performs the next operation, from the bit mask <paramref name="enabled"/>.
    /// <paramref name="fallback"/> is the default choice. Returns -1 to stop the execution (it can only repeat
    /// explored interleavings, or the strategy failed it).
    /// </summary>
    int ChooseThread(Execution execution, ulong enabled, int fallback);

    /// <summary>Picks one of <paramref name="count"/> values a load may return (0 is the default, the newest).</summary>
    int ChooseValue(Execution execution, int count);

    /// <summary>
    /// The step from which <paramref name="thread"/>'s next load must read, or -1: set when the exploration ran
    /// other threads first only so that this load could read what they store. Consumed by the call.
    /// </summary>
    int TakeReadConstraint(int thread);

    /// <summary>The chosen thread performs <paramref name="op"/> at <paramref name="step"/>.</summary>
    void OnExecute(Execution execution, int step, LogicalThread thread, in Operation op);

    /// <summary><paramref name="thread"/> arrived at an operation it cannot perform yet.</summary>
    void OnBlocked(Execution execution, LogicalThread thread);

    /// <summary><paramref name="parent"/> started <paramref name="child"/>.</summary>
    void OnSpawn(LogicalThread parent, LogicalThread child);

    /// <summary><paramref name="thread"/>'s body returned.</summary>
    void OnFinish(Execution execution, LogicalThread thread);

    /// <summary>The execution is over (passed, failed or pruned).</summary>
    void EndExecution(Execution execution);
}
