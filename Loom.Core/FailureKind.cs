namespace Loom;

/// <summary>What went wrong in a failing execution.</summary>
public enum FailureKind
{
    /// <summary>An exception or failed assertion escaped a logical thread.</summary>
    Exception,

    /// <summary>No thread could run and not all had finished.</summary>
    Deadlock,

    /// <summary>The execution took more scheduling points than <see cref="LoomOptions.MaxSteps"/> (a livelock or runaway loop).</summary>
    StepBoundExceeded,

    /// <summary>A logical thread was still running when the test body returned.</summary>
    ThreadLeaked,

    /// <summary>A lock was still held when the test body returned.</summary>
    LockLeaked,

    /// <summary>Replaying the same schedule took a different path.</summary>
    Nondeterminism,

    /// <summary>A schedule id no longer fits the code: the replay could not follow it.</summary>
    ScheduleDiverged,

    /// <summary>Code left Loom's control: a real thread, the thread pool or an unmodelled primitive touched the model.</summary>
    UncontrolledConcurrency,

    /// <summary>A logical thread ran longer than <see cref="LoomOptions.StallTimeout"/> without reaching a scheduling point.</summary>
    Stalled,

    /// <summary>The body never reached a controlled operation, so nothing was explored.</summary>
    NothingControlled,

    /// <summary>Two conflicting accesses to a tracked field, from different threads, with no happens-before between them.</summary>
    DataRace,

    /// <summary>A load could read more stores than <see cref="LoomOptions.MaxStoreHistory"/> allows.</summary>
    StoreHistoryExceeded,
}
