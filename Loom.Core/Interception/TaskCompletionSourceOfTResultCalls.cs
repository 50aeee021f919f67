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
/// Stands in for <see cref="TaskCompletionSource{TResult}"/>'s members, as <see cref="TaskCompletionSourceCalls"/>
/// does for the non-generic source.
/// </summary>
[PassesThrough("New", PassThroughReasons.Configuration)]
[PassesThrough("get_Task", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(TaskCompletionSource<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskCompletionSourceOfTResultCalls
{
    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetResult(TResult)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetResult<TResult>(TaskCompletionSource<TResult> source, TResult result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetResult", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetResult", file, line, () => source.SetResult(result));
        else
            source.SetResult(result);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetResult(TResult)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetResult<TResult>(TaskCompletionSource<TResult> source, TResult result, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetResult", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetResult", file, line, () => source.TrySetResult(result))
            : source.TrySetResult(result);

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetException(Exception)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static void SetException<TResult>(TaskCompletionSource<TResult> source, Exception exception, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetException", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetException", file, line, () => source.SetException(exception));
        else
            source.SetException(exception);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetException(IEnumerable{Exception})"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static void SetException<TResult>(TaskCompletionSource<TResult> source, IEnumerable<Exception> exceptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetException", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetException", file, line, () => source.SetException(exceptions));
        else
            source.SetException(exceptions);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetException(Exception)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> source, Exception exception, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetException", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetException", file, line, () => source.TrySetException(exception))
            : source.TrySetException(exception);

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetException(IEnumerable{Exception})"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException">The exception or the collection is <see langword="null"/>.</exception>
    public static bool TrySetException<TResult>(TaskCompletionSource<TResult> source, IEnumerable<Exception> exceptions, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetException", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetException", file, line, () => source.TrySetException(exceptions))
            : source.TrySetException(exceptions);

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetCanceled()"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetCanceled", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetCanceled", file, line, () => source.SetCanceled());
        else
            source.SetCanceled();
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetCanceled(CancellationToken)"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void SetCanceled<TResult>(TaskCompletionSource<TResult> source, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetCanceled", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetCanceled", file, line, () => source.SetCanceled(cancellationToken));
        else
            source.SetCanceled(cancellationToken);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetCanceled()"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> source, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetCanceled", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetCanceled", file, line, () => source.TrySetCanceled())
            : source.TrySetCanceled();

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetCanceled(CancellationToken)"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    public static bool TrySetCanceled<TResult>(TaskCompletionSource<TResult> source, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetCanceled", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetCanceled", file, line, () => source.TrySetCanceled(cancellationToken))
            : source.TrySetCanceled(cancellationToken);

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.SetFromTask(Task{TResult})"/>: inside an execution a scheduling point on the source.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="completedTask"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="completedTask"/> is not complete.</exception>
    public static void SetFromTask<TResult>(TaskCompletionSource<TResult> source, Task<TResult> completedTask, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("TaskCompletionSource.SetFromTask", file, line) is { } me)
            TaskCompletionModel.Set(me, StandIn.NotNull(source).Task, "TaskCompletionSource.SetFromTask", file, line, () => source.SetFromTask(completedTask));
        else
            source.SetFromTask(completedTask);
    }

    /// <summary>Stands in for <see cref="TaskCompletionSource{TResult}.TrySetFromTask(Task{TResult})"/>: inside an execution a scheduling point on the source.</summary>
    /// <returns>Whether this call completed the task.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="completedTask"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="completedTask"/> is not complete.</exception>
    public static bool TrySetFromTask<TResult>(TaskCompletionSource<TResult> source, Task<TResult> completedTask, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("TaskCompletionSource.TrySetFromTask", file, line) is { } me
            ? TaskCompletionModel.Complete(me, StandIn.NotNull(source).Task, "TaskCompletionSource.TrySetFromTask", file, line, () => source.TrySetFromTask(completedTask))
            : source.TrySetFromTask(completedTask);
}
