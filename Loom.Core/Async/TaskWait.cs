using System;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Simulation;
using Loom.Threading.Models;

namespace Loom.Async;

/// <summary>
/// What a logical thread blocked on tasks waits for: a task to complete (or, for <c>Task.WaitAll</c>,
/// <c>Task.WaitAny</c>, a value task or an awaiter, a condition over them), a deadline of virtual time, or a
/// cancellation token, whichever comes first.
/// </summary>
internal sealed class TaskWait : ModelObject
{
    private readonly Task? _task;
    private readonly Func<bool>? _done;
    private readonly string _what;

    /// <summary>Fires at the wait's timeout, on the execution's virtual clock; <see langword="null"/> for no timeout.</summary>
    private SimTimer? _deadline;

    /// <summary>The model of the source whose cancellation ends the wait; <see langword="null"/> for none.</summary>
    private CancellationSourceState? _cancellation;

    public TaskWait(Execution execution, Task task, string what)
        : base(execution, "task")
    {
        _task = task;
        _what = what;
    }

    /// <summary>A wait for <paramref name="done"/> to hold; it must only read state (it is asked at every scheduling point).</summary>
    public TaskWait(Execution execution, Func<bool> done, string what)
        : base(execution, "task")
    {
        _done = done;
        _what = what;
    }

    /// <summary>Whether what the thread waits for has happened (the task completed, the condition holds).</summary>
    public bool IsDone => _task?.IsCompleted ?? _done!();

    /// <summary>Ends the wait after <paramref name="timeout"/> of virtual time too (nothing for infinite).</summary>
    public TaskWait WithTimeout(TimeSpan timeout)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _deadline = new SimTimer(Execution.Clock, null, null, null);
            _deadline.Change(timeout, Timeout.InfiniteTimeSpan);
        }
        return this;
    }

    /// <summary>Ends the wait when <paramref name="token"/> is canceled too.</summary>
    public TaskWait WithCancellation(CancellationToken token)
    {
        _cancellation = CancellationModel.Observe(Execution, token);
        return this;
    }

    /// <summary>After the wait: disarms the deadline, so virtual time does not jump to a timeout nobody waits for.</summary>
    public void End() => _deadline?.Dispose();

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op)
    {
        if (!(IsDone || _deadline is { Fired: true } || _cancellation is { IsRequested: true }))
            return false;
        // The first time the wait can end, what completed it happened before the waiter's next operation (its
        // scheduling point joins this clock): the thread that just ran, and the work items that finished, among them
        // the tasks' bodies. A task completes deep inside .NET, so which work item completed which task is not known;
        // a finished work item unrelated to the wait is ordered before it too, which can hide a race, never invent one.
        SyncClock ??= Execution.Memory.CompletionClock(Execution.LastRunner);
        return true;
    }

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op) =>
        $"waiting for {_what}, which nothing left to run can complete (an await on a TaskCompletionSource nobody completes, " +
        "a semaphore nobody releases, or work that escaped to the real thread pool)";
}
