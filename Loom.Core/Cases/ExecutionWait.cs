using System;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom.Cases;

/// <summary>
/// Waits synchronously for a task inside a Loom execution the way the scheduler can see: the waiting logical
/// thread blocks at a scheduling point until the task completes, while the execution's other threads and queued
/// continuations run. Adapters need it where a framework's synchronous pipeline (NUnit's test commands) must wait
/// for an asynchronous test method; a real blocking wait there would stall the execution, because the
/// method's continuations are steps of the same execution.
/// </summary>
public static class ExecutionWait
{
    /// <summary>Waits until the task completes; outside a Loom execution, an ordinary blocking wait.</summary>
    /// <param name="task">The task.</param>
    /// <param name="what">What the task is, for deadlock reports (for example <c>the test method's task</c>).</param>
    /// <remarks>Does not throw the task's exception: read the task afterwards.</remarks>
    public static void ForTask(Task task, string what)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(what);
        if (task.IsCompleted)
            return;
        if (LogicalThread.Current is { } me && !me.Execution.Finished)
        {
            me.Execution.WaitForTask(me, task, what, null, 0);
            return;
        }
        ((IAsyncResult)task).AsyncWaitHandle.WaitOne();
    }
}
