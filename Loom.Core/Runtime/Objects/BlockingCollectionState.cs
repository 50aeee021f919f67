using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Loom.Simulation;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a BlockingCollection in one execution. Its items, its bound and whether adding is complete stay in
/// the real collection, whose operations never wait once the model has let a thread through (one logical thread runs
/// at a time); the model holds what the real one would block on. A taker blocks while the collection is empty and
/// adding is not complete; an adder to a bounded collection blocks while it is full. A timed wait also ends when its
/// deadline passes on the execution's virtual clock.
/// </summary>
internal sealed class BlockingCollectionState<T> : WaitableObject
{
    /// <summary>The request of a thread waiting to take an item.</summary>
    public const long TakeRequest = 0;

    /// <summary>The request of a thread waiting for room to add one.</summary>
    public const long AddRequest = 1;

    private readonly BlockingCollection<T> _real;

    /// <summary>The deadline of each thread in a timed wait, on the execution's clock.</summary>
    private readonly Dictionary<LogicalThread, SimTimer> _deadlines = new();

    public BlockingCollectionState(Execution execution, BlockingCollection<T> real, bool disposed)
        : base(execution, "BlockingCollection")
    {
        _real = real;
        Disposed = disposed;
    }

    /// <summary>Whether Dispose ran, in this execution or before it.</summary>
    public bool Disposed { get; set; }

    /// <summary>Whether a take could go ahead now: an item, or nothing more will come.</summary>
    public bool CanTake => Ready(static real => real.Count > 0 || real.IsAddingCompleted);

    /// <summary>Whether an add could go ahead now: room, or adding is complete (and the add throws).</summary>
    public bool CanAdd => Ready(static real => real.BoundedCapacity < 0 || real.Count < real.BoundedCapacity || real.IsAddingCompleted);

    /// <summary>
    /// Whether a waiter could go ahead: <paramref name="condition"/> on the real collection, or disposal (the operation
    /// then throws). The real collection may have been disposed by a call Loom does not see (a <c>using</c> statement
    /// calls IDisposable.Dispose): its members then throw, which the model takes as disposal.
    /// </summary>
    private bool Ready(Func<BlockingCollection<T>, bool> condition)
    {
        if (Disposed)
            return true;
        try
        {
            return condition(_real);
        }
        catch (ObjectDisposedException)
        {
            Disposed = true;
            return true;
        }
    }

    /// <summary>Ends <paramref name="thread"/>'s coming wait after <paramref name="milliseconds"/> of virtual time.</summary>
    public void SetDeadline(LogicalThread thread, int milliseconds)
    {
        var deadline = new SimTimer(Execution.Clock, null, null, null);
        deadline.Change(TimeSpan.FromMilliseconds(milliseconds), System.Threading.Timeout.InfiniteTimeSpan);
        _deadlines[thread] = deadline;
    }

    /// <summary>After the wait: disarms the deadline, so virtual time does not jump to a timeout nobody waits for.</summary>
    public void ClearDeadline(LogicalThread thread)
    {
        if (_deadlines.Remove(thread, out var deadline))
            deadline.Dispose();
    }

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) =>
        base.CanProceed(thread, op) || (_deadlines.TryGetValue(thread, out var deadline) && deadline.Fired);

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => request == TakeRequest ? CanTake : CanAdd;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request) =>
        request == TakeRequest
            ? $"waiting to take from {this}, which is empty and not marked complete for adding: no thread adds to it or calls CompleteAdding"
            : $"waiting to add to {this}, which is full ({_real.BoundedCapacity} items): no thread takes from it";
}
