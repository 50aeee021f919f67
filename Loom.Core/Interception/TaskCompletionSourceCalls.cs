using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="TaskCompletionSource"/>'s members. Inside a Loom execution each completion is a
/// scheduling point on the source (<see cref="TaskCompletionModel"/>), so partial-order reduction tries two
/// completions of one source in both orders; the real member then completes the task, so a second <c>Set</c> throws
/// <see cref="InvalidOperationException"/> as in .NET. The task's continuations run inline on the completing logical
/// thread unless the source was made with <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>, in which
/// case an await resumes as a step of its own. Outside an execution each stand-in is the real member.
/// </summary>
[PassesThrough("New", PassThroughReasons.Configuration)]
[PassesThrough("get_Task", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(TaskCompletionSource))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskCompletionSourceCalls
{
    /// <summary>Stands in for <see cref="TaskCompletionSource.SetResult()"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetResult(TaskCompletionSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetResult", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetResult", file, line, () => source.SetResult());
        else
            source.SetResult();
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetResult()"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetResult(TaskCompletionSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetResult", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetResult", file, line, () => source.TrySetResult())
            : source.TrySetResult();

    /// <summary>Stands in for <see cref="TaskCompletionSource.SetException(Exception)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static void SetException(TaskCompletionSource source, Exception exception, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetException", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetException", file, line, () => source.SetException(exception));
        else
            source.SetException(exception);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.SetException(IEnumerable{Exception})"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static void SetException(TaskCompletionSource source, IEnumerable<Exception> exceptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetException", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetException", file, line, () => source.SetException(exceptions));
        else
            source.SetException(exceptions);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetException(Exception)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static bool TrySetException(TaskCompletionSource source, Exception exception, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetException", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetException", file, line, () => source.TrySetException(exception))
            : source.TrySetException(exception);

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetException(IEnumerable{Exception})"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static bool TrySetException(TaskCompletionSource source, IEnumerable<Exception> exceptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetException", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetException", file, line, () => source.TrySetException(exceptions))
            : source.TrySetException(exceptions);

    /// <summary>Stands in for <see cref="TaskCompletionSource.SetCanceled()"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetCanceled(TaskCompletionSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetCanceled", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetCanceled", file, line, () => source.SetCanceled());
        else
            source.SetCanceled();
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.SetCanceled(CancellationToken)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetCanceled(TaskCompletionSource source, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetCanceled", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetCanceled", file, line, () => source.SetCanceled(cancellationToken));
        else
            source.SetCanceled(cancellationToken);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetCanceled()"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetCanceled(TaskCompletionSource source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetCanceled", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetCanceled", file, line, () => source.TrySetCanceled())
            : source.TrySetCanceled();

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetCanceled(CancellationToken)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetCanceled(TaskCompletionSource source, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetCanceled", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetCanceled", file, line, () => source.TrySetCanceled(cancellationToken))
            : source.TrySetCanceled(cancellationToken);

    /// <summary>Stands in for <see cref="TaskCompletionSource.SetFromTask(Task)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="completedTask"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="completedTask"/> is not complete.</exception>
    public static void SetFromTask(TaskCompletionSource source, Task completedTask, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetFromTask", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetFromTask", file, line, () => source.SetFromTask(completedTask));
        else
            source.SetFromTask(completedTask);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource.TrySetFromTask(Task)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="completedTask"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="completedTask"/> is not complete.</exception>
    public static bool TrySetFromTask(TaskCompletionSource source, Task completedTask, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetFromTask", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetFromTask", file, line, () => source.TrySetFromTask(completedTask))
            : source.TrySetFromTask(completedTask);
}
