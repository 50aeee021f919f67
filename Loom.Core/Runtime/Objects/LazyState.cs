using System;
using System.Runtime.ExceptionServices;
using System.Threading;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a <see cref="Lazy{T}"/> in one execution: what its private state says (no value yet, a value, a
/// cached exception), its factory and mode, and which thread runs the factory under the ExecutionAndPublication
/// lock. A thread waiting for that lock blocks until the running thread publishes a value or an exception.
/// </summary>
internal sealed class LazyState<T> : WaitableObject
{
    public LazyState(Execution execution, LazyThreadSafetyMode mode, Func<T>? factory)
        : base(execution, "Lazy")
    {
        Mode = mode;
        Factory = factory;
    }

    /// <summary>The thread-safety mode the real instance was constructed with.</summary>
    public LazyThreadSafetyMode Mode { get; }

    /// <summary>The value factory; <see langword="null"/> when the value comes from T's parameterless constructor.</summary>
    public Func<T>? Factory { get; }

    /// <summary>What the real instance's state field says: no value yet, a value, or a cached exception.</summary>
    public LazyPhase Phase { get; set; }

    /// <summary>The published value, once <see cref="Phase"/> is <see cref="LazyPhase.Created"/>.</summary>
    public T Value { get; set; } = default!;

    /// <summary>
    /// The cached exception, once <see cref="Phase"/> is <see cref="LazyPhase.Faulted"/>; <see langword="null"/> there
    /// means the real instance was faulted before the execution, and its own Value rethrows what it cached.
    /// </summary>
    public ExceptionDispatchInfo? Fault { get; set; }

    /// <summary>
    /// In None mode: whether a thread has taken the factory (the real instance clears its factory field before it
    /// calls it), so a recursive or concurrent Value finds none and throws InvalidOperationException.
    /// </summary>
    public bool FactoryTaken { get; set; }

    /// <summary>In ExecutionAndPublication mode: the thread holding the lock and running the factory, if any.</summary>
    public LogicalThread? Runner { get; set; }

    /// <summary>Where <see cref="Runner"/> asked for the value, for deadlock reports.</summary>
    public string RunnerSite { get; set; } = "";

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => Runner is null;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        $"waiting for the value of {this} (ExecutionAndPublication), whose factory {Runner?.Label} is running since {RunnerSite}";
}
