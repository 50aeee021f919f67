using System;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Simulation;
using Loom.Threading.Models;

namespace Loom.Async;

/// <summary>
/// The one way into the model for starting tasks and work items, for delays and for blocking on tasks. The
/// Loom.Threading mirror (<see cref="Loom.Threading.Tasks.LoomTask"/>, <see cref="LoomModel.WaitFor"/>) and the
/// rewriter's stand-ins (<c>Loom.Interception.TaskCalls</c> and its siblings) both come through here, each naming
/// its own API in traces. Outside an execution every member leaves the work to the caller's real member.
/// </summary>
internal static class ControlledTasks
{
    /// <summary>
    /// The task scheduler a task started by <paramref name="api"/> runs on inside an execution, after a scheduling
    /// point that names the task after <paramref name="work"/>; <see langword="null"/> outside one (start it for real).
    /// </summary>
    public static TaskScheduler? SchedulerFor(string api, Delegate? work, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line));
        if (work is not null)
            WorkNames.NameNextTask(work);
        return me.Execution.TaskScheduler;
    }

    /// <summary>
    /// Like <see cref="SchedulerFor(string, Delegate?, string?, int)"/> for a task whose scheduler the caller chose
    /// (<paramref name="requested"/>, such as a TaskFactory's or <see cref="TaskScheduler.Current"/>): the execution's
    /// when that is the thread pool's (or the execution's own), <see langword="null"/> for any other scheduler, which
    /// is respected, for a <see langword="null"/> scheduler (the real member throws), and outside an execution.
    /// </summary>
    public static TaskScheduler? SchedulerFor(TaskScheduler? requested, string api, Delegate? work, string? file, int line)
    {
        if (requested is null || LoomRuntime.Controlled(api, file, line) is not { } me)
            return null;
        if (requested != TaskScheduler.Default && requested != me.Execution.TaskScheduler)
            return null;
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line));
        if (work is not null)
            WorkNames.NameNextTask(work);
        return me.Execution.TaskScheduler;
    }

    /// <summary>
    /// Whether an await must come back through the captured context: inside an execution always, so that a
    /// <c>ConfigureAwait(false)</c> continuation is a step of its own under Loom's control instead of work on the real
    /// thread pool.
    /// </summary>
    public static bool InExecution(string api, string? file, int line) => LoomRuntime.Controlled(api, file, line) is not null;

    /// <summary>Forgets the name given to the next task, once the task is started (or was never queued: a canceled token).</summary>
    public static T Started<T>(T task)
        where T : Task
    {
        WorkNames.ForgetNextTask();
        return task;
    }

    /// <summary>Runs <paramref name="action"/> as a task: on the execution's scheduler inside one, on the thread pool outside.</summary>
    public static Task Run(Action action, CancellationToken cancellationToken, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(action);
        return SchedulerFor(api, action, file, line) is { } scheduler
            ? Started(Task.Factory.StartNew(action, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler))
            : Task.Run(action, cancellationToken);
    }

    /// <summary>Runs <paramref name="function"/> as a task (see <see cref="Run(Action, CancellationToken, string, string?, int)"/>).</summary>
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(function);
        return SchedulerFor(api, function, file, line) is { } scheduler
            ? Started(Task.Factory.StartNew(function, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler))
            : Task.Run(function, cancellationToken);
    }

    /// <summary>Runs an asynchronous function and returns a proxy for its task (see <see cref="Run(Action, CancellationToken, string, string?, int)"/>).</summary>
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(function);
        return SchedulerFor(api, function, file, line) is { } scheduler
            ? Started(Task.Factory.StartNew<Task>(function!, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler)).Unwrap()
            : Task.Run(function, cancellationToken);
    }

    /// <summary>Runs an asynchronous function and returns a proxy for its task's result.</summary>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(function);
        return SchedulerFor(api, function, file, line) is { } scheduler
            ? Started(Task.Factory.StartNew<Task<TResult>>(function!, cancellationToken, TaskCreationOptions.DenyChildAttach, scheduler)).Unwrap()
            : Task.Run(function, cancellationToken);
    }

    /// <summary>
    /// Queues a work item (<c>ThreadPool.QueueUserWorkItem</c>) as a step of its own of <paramref name="me"/>'s
    /// execution, after a scheduling point. <paramref name="flowContext"/>: whether it runs in the caller's execution
    /// context (the safe overloads) or not (the <c>Unsafe</c> ones).
    /// </summary>
    public static bool QueueWorkItem(LogicalThread me, Action run, WorkName name, bool flowContext, string api, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line));
        var context = flowContext ? ExecutionContext.Capture() : null;
        var work = context is null ? run : () => ExecutionContext.Run(context, static state => ((Action)state!)(), run);
        me.Execution.QueueWork(work, name, "work item starts", me.Owner);
        return true;
    }

    /// <summary><c>Task.Delay(int, CancellationToken)</c>: inside an execution, on its virtual clock.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is below <see cref="Timeout.Infinite"/>.</exception>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken, string api, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsDelay, Timeout.Infinite);
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
            return Task.Delay(millisecondsDelay, cancellationToken);
        return Delay(me, millisecondsDelay == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(millisecondsDelay), null, cancellationToken, api, file, line);
    }

    /// <summary><c>Task.Delay(TimeSpan, CancellationToken)</c>: inside an execution, on its virtual clock.</summary>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken, string api, string? file, int line) =>
        LoomRuntime.Controlled(api, file, line) is { } me
            ? Delay(me, delay, null, cancellationToken, api, file, line)
            : Task.Delay(delay, cancellationToken);

    /// <summary>
    /// <c>Task.Delay(TimeSpan, TimeProvider, CancellationToken)</c>: inside an execution the system's clock (as
    /// <see cref="TimeProvider.System"/> or the rewritten one) is the execution's virtual clock.
    /// </summary>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken, string api, string? file, int line) =>
        LoomRuntime.Controlled(api, file, line) is { } me
            ? Delay(me, delay, timeProvider, cancellationToken, api, file, line)
            : Task.Delay(delay, timeProvider, cancellationToken);

    private static Task Delay(LogicalThread me, TimeSpan delay, TimeProvider? timeProvider, CancellationToken cancellationToken, string api, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line));
        me.Execution.RecordValue(me, delay);
        return Task.Delay(delay, timeProvider is null ? me.Execution.Clock : ExecutionClock.InExecution(timeProvider, me.Execution), cancellationToken);
    }

    /// <summary>
    /// The logical thread that must wait for <paramref name="task"/> under Loom's control, or <see langword="null"/>
    /// when the caller's real member can do it: the task is complete (the real member returns at once), or the call
    /// is not under Loom's control.
    /// </summary>
    public static LogicalThread? Waiting(Task task, string api, string? file, int line) =>
        task.IsCompleted ? null : LoomRuntime.Controlled(api, file, line);

    /// <summary>Blocks until <paramref name="task"/> completes: a controlled wait inside an execution, nothing outside.</summary>
    public static void Block(Task task, string api, string? file, int line)
    {
        if (Waiting(task, api, file, line) is { } me)
            me.Execution.WaitForTask(me, new TaskWait(me.Execution, task, $"task {task.Id} ({api})"), api, file, line);
    }

    /// <summary>
    /// Blocks until <paramref name="isDone"/> holds (an awaiter or value task completed) inside an execution;
    /// nothing outside. The caller has checked it does not hold yet.
    /// </summary>
    public static void Block(Func<bool> isDone, string what, string api, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is { } me)
            me.Execution.WaitForTask(me, new TaskWait(me.Execution, isDone, $"{what} ({api})"), api, file, line);
    }

    /// <summary>Whether awaits that suspend are noted (<see cref="Suspends"/>): on a logical thread of an execution.</summary>
    public static bool NotesAwaits => LogicalThread.Current is not null;

    /// <summary>
    /// Notes that an await of rewritten code at <paramref name="file"/>:<paramref name="line"/> suspends until
    /// <paramref name="isCompleted"/> holds, so a deadlock report can name it; nothing outside an execution.
    /// </summary>
    public static void Suspends(Func<bool> isCompleted, string? file, int line)
    {
        if (LogicalThread.Current is { } me)
            me.Execution.Awaits.Add(isCompleted, me.Label, SourceText.Location(file, line));
    }

    /// <summary>
    /// <c>task.Wait(millisecondsTimeout, cancellationToken)</c> for a task not complete yet, by <paramref name="me"/>:
    /// the timeout runs on virtual time; the real member then gives the result and exceptions.
    /// </summary>
    public static bool Wait(LogicalThread me, Task task, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            return task.Wait(millisecondsTimeout, cancellationToken); // throws, as it would
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (millisecondsTimeout == 0)
            return Poll(me, () => task.Wait(0, cancellationToken), api, file, line);
        var wait = new TaskWait(me.Execution, task, $"task {task.Id} ({api})");
        Block(me, wait, millisecondsTimeout, cancellationToken, api, file, line);
        if (task.IsCompleted)
            return task.Wait(0, cancellationToken);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        return false;
    }

    /// <summary><c>Task.WaitAll</c> on tasks some of which are not complete, by <paramref name="me"/>.</summary>
    public static bool WaitAll(LogicalThread me, Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            return Task.WaitAll(tasks, millisecondsTimeout, cancellationToken); // throws, as it would
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (millisecondsTimeout == 0)
            return Poll(me, () => Task.WaitAll(tasks, 0, cancellationToken), api, file, line);
        tasks = (Task[])tasks.Clone(); // the caller may change its array while the wait lasts
        var wait = new TaskWait(me.Execution, () => AllCompleted(tasks), $"{tasks.Length} tasks ({api})");
        Block(me, wait, millisecondsTimeout, cancellationToken, api, file, line);
        if (wait.IsDone)
            return Task.WaitAll(tasks, 0, CancellationToken.None);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        return false;
    }

    /// <summary><c>Task.WaitAny</c> on tasks none of which is complete, by <paramref name="me"/>.</summary>
    public static int WaitAny(LogicalThread me, Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            return Task.WaitAny(tasks, millisecondsTimeout, cancellationToken); // throws, as it would
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (millisecondsTimeout == 0)
            return Poll(me, () => Task.WaitAny(tasks, 0, cancellationToken), api, file, line);
        var first = new FirstCompleted((Task[])tasks.Clone());
        var wait = new TaskWait(me.Execution, first.Check, $"any of {tasks.Length} tasks ({api})");
        Block(me, wait, millisecondsTimeout, cancellationToken, api, file, line);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        return first.Index;
    }

    /// <summary>Whether every task is complete (none is <see langword="null"/>).</summary>
    public static bool AllCompleted(ReadOnlySpan<Task> tasks)
    {
        foreach (var task in tasks)
        {
            if (!task.IsCompleted)
                return false;
        }
        return true;
    }

    /// <summary>Whether no task is <see langword="null"/>, so that the real member will not throw before it waits.</summary>
    public static bool NoneNull(ReadOnlySpan<Task> tasks)
    {
        foreach (var task in tasks)
        {
            if (task is null)
                return false;
        }
        return true;
    }

    /// <summary>Whether any task is complete (none is <see langword="null"/>).</summary>
    public static bool AnyCompleted(ReadOnlySpan<Task> tasks)
    {
        foreach (var task in tasks)
        {
            if (task.IsCompleted)
                return true;
        }
        return false;
    }

    /// <summary>
    /// A wait with a zero timeout only looks: a scheduling point that lets other threads run first (a loop of such
    /// polls is a spin), then the real member, which returns at once.
    /// </summary>
    private static T Poll<T>(LogicalThread me, Func<T> look, string api, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line, OperationFlags.Yield));
        return look();
    }

    private static void Block(LogicalThread me, TaskWait wait, int millisecondsTimeout, CancellationToken cancellationToken, string api, string? file, int line)
    {
        wait.WithTimeout(millisecondsTimeout == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(millisecondsTimeout)).WithCancellation(cancellationToken);
        try
        {
            me.Execution.WaitForTask(me, wait, api, file, line);
        }
        finally
        {
            wait.End();
        }
    }

    /// <summary>
    /// The index of the task a <c>Task.WaitAny</c> returns: the first seen complete. It is asked at every scheduling
    /// point, so it sees the tasks right after the step that completed the first one.
    /// </summary>
    private sealed class FirstCompleted
    {
        private readonly Task[] _tasks;

        public FirstCompleted(Task[] tasks) => _tasks = tasks;

        public int Index { get; private set; } = -1;

        public bool Check()
        {
            if (Index >= 0)
                return true;
            for (var i = 0; i < _tasks.Length; i++)
            {
                if (_tasks[i].IsCompleted)
                {
                    Index = i;
                    return true;
                }
            }
            return false;
        }
    }
}
