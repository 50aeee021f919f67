using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Runtime;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="ThreadPool"/>'s work-item members: inside a Loom execution a work item is a step of its
/// own that Loom schedules (it starts when the strategy picks it, and interleaves with every other thread and task)
/// instead of work on the real pool. Outside an execution each calls the real member.
/// </summary>
[NotInterceptedYet("RegisterWaitForSingleObject", RegisteredWait)]
[NotInterceptedYet("UnsafeRegisterWaitForSingleObject", RegisteredWait)]
[PassesThrough("UnsafeQueueNativeOverlapped", "completes native I/O, outside any model")]
[PassesThrough("BindHandle", "binds an OS handle for I/O completion, outside any model")]
[PassesThrough("SetMinThreads", PassThroughReasons.Configuration)]
[PassesThrough("SetMaxThreads", PassThroughReasons.Configuration)]
[PassesThrough("GetMinThreads", PassThroughReasons.Configuration)]
[PassesThrough("GetMaxThreads", PassThroughReasons.Configuration)]
[PassesThrough("GetAvailableThreads", PoolStatistics)]
[PassesThrough("get_ThreadCount", PoolStatistics)]
[PassesThrough("get_CompletedWorkItemCount", PoolStatistics)]
[PassesThrough("get_PendingWorkItemCount", PoolStatistics)]
[Intercepts(typeof(ThreadPool))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ThreadPoolCalls
{
    private const string PoolStatistics = "statistics of the real pool";
    private const string RegisteredWait = "waits and calls back on the real thread pool: inside an execution the callback is reported as uncontrolled concurrency when it touches Loom (a stand-in would wait through WaitHandleCalls' model)";

    private const string QueueApi = "ThreadPool.QueueUserWorkItem";
    private const string UnsafeQueueApi = "ThreadPool.UnsafeQueueUserWorkItem";

    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem(WaitCallback)"/>.</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    public static bool QueueUserWorkItem(WaitCallback callBack, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null && LoomRuntime.Controlled(QueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, () => callBack(null), WorkName.OfTask(callBack), flowContext: true, QueueApi, file, line)
            : ThreadPool.QueueUserWorkItem(callBack!);

    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem(WaitCallback, object?)"/>.</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    public static bool QueueUserWorkItem(WaitCallback callBack, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null && LoomRuntime.Controlled(QueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, () => callBack(state), WorkName.OfTask(callBack), flowContext: true, QueueApi, file, line)
            : ThreadPool.QueueUserWorkItem(callBack!, state);

    /// <summary>Stands in for <see cref="ThreadPool.QueueUserWorkItem{TState}(Action{TState}, TState, bool)"/> (<paramref name="preferLocal"/> has no meaning for Loom's scheduler).</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    public static bool QueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null && LoomRuntime.Controlled(QueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, () => callBack(state), WorkName.OfTask(callBack), flowContext: true, QueueApi, file, line)
            : ThreadPool.QueueUserWorkItem(callBack!, state, preferLocal);

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem(WaitCallback, object?)"/>: the work item does not flow the caller's execution context.</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    public static bool UnsafeQueueUserWorkItem(WaitCallback callBack, object? state, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null && LoomRuntime.Controlled(UnsafeQueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, () => callBack(state), WorkName.OfTask(callBack), flowContext: false, UnsafeQueueApi, file, line)
            : ThreadPool.UnsafeQueueUserWorkItem(callBack!, state);

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem{TState}(Action{TState}, TState, bool)"/>.</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    public static bool UnsafeQueueUserWorkItem<TState>(Action<TState> callBack, TState state, bool preferLocal, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null && LoomRuntime.Controlled(UnsafeQueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, () => callBack(state), WorkName.OfTask(callBack), flowContext: false, UnsafeQueueApi, file, line)
            : ThreadPool.UnsafeQueueUserWorkItem(callBack!, state, preferLocal);

    /// <summary>Stands in for <see cref="ThreadPool.UnsafeQueueUserWorkItem(IThreadPoolWorkItem, bool)"/>.</summary>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callBack"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="callBack"/> is a <see cref="Task"/>.</exception>
    public static bool UnsafeQueueUserWorkItem(IThreadPoolWorkItem callBack, bool preferLocal, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        callBack is not null and not Task && LoomRuntime.Controlled(UnsafeQueueApi, file, line) is { } me
            ? ControlledTasks.QueueWorkItem(me, callBack.Execute, WorkName.Of($"{callBack.GetType().Name}.Execute"), flowContext: false, UnsafeQueueApi, file, line)
            : ThreadPool.UnsafeQueueUserWorkItem(callBack!, preferLocal);
}
