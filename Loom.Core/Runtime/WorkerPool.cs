using System;
using System.Collections.Generic;
using System.Threading;

namespace Loom.Runtime;

/// <summary>
/// The process-wide pool of <see cref="Worker"/> threads. It grows to the largest number of logical threads
/// running executions need at once and never shrinks: idle workers sleep in a kernel wait and cost nothing.
/// Workers are handed out last-in first-out: the one returned most recently is likely still spinning in its
/// baton and starts without a kernel wake-up.
/// </summary>
internal sealed class WorkerPool
{
    private readonly Stack<Worker> _idle = new();
    private int _created;
    private long _threadsStarted;

    /// <summary>The pool every execution uses.</summary>
    public static WorkerPool Shared { get; } = new();

    /// <summary>How many OS threads the pool has created so far.</summary>
    public int Created => Volatile.Read(ref _created);

    /// <summary>How many logical threads the pool's workers have been handed so far (a measure of OS thread switches).</summary>
    public long ThreadsStarted => Volatile.Read(ref _threadsStarted);

    /// <summary>Runs the logical thread on an idle worker, creating one only if none is idle.</summary>
    public void Start(LogicalThread thread)
    {
        Interlocked.Increment(ref _threadsStarted);
        var worker = Take();
        worker.Baton.Claim(thread);
        thread.Baton = worker.Baton;
        worker.Run(thread);
    }

    /// <summary>Runs a job that is not a logical thread on an idle worker; the worker returns to the pool after it.</summary>
    public void Start(Action job)
    {
        var worker = Take();
        worker.Baton.Claim(job);
        worker.Run(job);
    }

    private Worker Take()
    {
        Worker? worker;
        lock (_idle)
            _idle.TryPop(out worker);
        return worker ?? new Worker(this, Interlocked.Increment(ref _created));
    }

    /// <summary>Puts a worker whose logical thread has finished back in the pool.</summary>
    public void Return(Worker worker)
    {
        lock (_idle)
            _idle.Push(worker);
    }
}
