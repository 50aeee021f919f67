using System.Collections.Generic;

namespace Loom.Runtime;

/// <summary>
/// The model's state for one shared object (a lock, an event, a memory location, a thread) during one
/// execution. Mirror types keep their real state elsewhere; this is what the scheduler reasons about.
/// Objects live for one execution: every execution starts from fresh model state.
/// </summary>
internal abstract class ModelObject
{
    protected ModelObject(Execution execution, string kind)
    {
        Execution = execution;
        Kind = kind;
        Id = execution.NextObjectId();
    }

    /// <summary>The execution the object belongs to.</summary>
    public Execution Execution { get; }

    /// <summary>A number unique within the execution, in order of first use, so traces are stable across runs.</summary>
    public int Id { get; }

    /// <summary>What the object is, for traces (<c>lock</c>, <c>int</c>, <c>thread</c>).</summary>
    public string Kind { get; }

    /// <summary>
    /// Partial-order-reduction bookkeeping (last accesses and their vector clocks), owned by the exhaustive
    /// strategy's dependency tracker; <see langword="null"/> until it first sees the object.
    /// </summary>
    internal object? DependencyState { get; set; }

    /// <summary>
    /// What the threads that operated on this synchronization object had seen, for the memory model's
    /// happens-before edges; <see langword="null"/> until the first operation.
    /// </summary>
    internal Exploration.VectorClock? SyncClock { get; set; }

    /// <summary>Whether <paramref name="thread"/> can perform <paramref name="op"/> on this object now.</summary>
    public virtual bool CanProceed(LogicalThread thread, in Operation op) => true;

    /// <summary>What a thread blocked on this object is waiting for, for deadlock reports.</summary>
    public virtual string DescribeBlocked(LogicalThread thread, in Operation op) => $"waiting on {this}";

    /// <summary>If the object is still held (a lock not exited), says by whom and since where; otherwise <see langword="null"/>.</summary>
    public virtual string? DescribeLeak() => null;

    /// <summary>
    /// The asynchronous waits on this object still pending (a WaitAsync task nobody completed), each with the call
    /// site it waits at (<c>File.cs:42</c>, or empty) and the report's line, for deadlock reports: no logical thread is
    /// blocked in them, so the threads cannot name them.
    /// </summary>
    public virtual IEnumerable<(string Location, string Text)> DescribeAsyncWaits() => [];

    /// <inheritdoc />
    public override string ToString() => $"{Kind}#{Id}";
}
