using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for the members <see cref="Task{TResult}"/> declares (those it inherits are <see cref="TaskCalls"/>'):
/// <c>Result</c> is a controlled wait inside a Loom execution, <c>ConfigureAwait</c> keeps the continuation under
/// Loom's control, <c>WaitAsync</c> times out on virtual time. Outside an execution each calls the real member.
/// </summary>
[PassesThrough("New", PassThroughReasons.Unstarted)]
[PassesThrough("get_Factory", "the factory's StartNew is intercepted (TaskFactoryOfTResultCalls)")]
[PassesThrough("GetAwaiter", "the awaiter's GetResult is intercepted (TaskAwaiterOfTResultCalls)")]
[PassesThrough("WaitAsync(System.Threading.CancellationToken)", PassThroughReasons.WaitWithoutTimeout)]
[NotInterceptedYet("ContinueWith", PassThroughReasons.ContinuationNotYet)]
[Intercepts(typeof(Task<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskOfTResultCalls
{
    private const string ResultApi = "Task.Result";
    private const string ConfigureAwaitApi = "Task.ConfigureAwait";
    private const string WaitAsyncApi = "Task.WaitAsync";

    /// <summary>Stands in for <see cref="Task{TResult}.Result"/>: inside an execution, waiting for it is a controlled wait.</summary>
    /// <returns>The task's result.</returns>
    /// <exception cref="AggregateException">The task failed or was canceled.</exception>
    public static TResult get_Result<TResult>(Task<TResult> task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ControlledTasks.Block(task, ResultApi, file, line);
        return task.Result;
    }

    /// <summary>Stands in for <see cref="Task{TResult}.ConfigureAwait(bool)"/>; see <see cref="TaskCalls.ConfigureAwait(Task, bool, string?, int)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, bool continueOnCapturedContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledTasks.InExecution(ConfigureAwaitApi, file, line));

    /// <summary>Stands in for <see cref="Task{TResult}.ConfigureAwait(ConfigureAwaitOptions)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredTaskAwaitable<TResult> ConfigureAwait<TResult>(Task<TResult> task, ConfigureAwaitOptions options, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.ConfigureAwait(TaskCalls.WithContext(options, ConfigureAwaitApi, file, line));

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan)"/>: inside an execution the timeout is virtual time.</summary>
    /// <returns>A task that completes with the task's result, or fails with <see cref="TimeoutException"/>.</returns>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TaskCalls.TimeProviderFor(TimeProvider.System, WaitAsyncApi, file, line), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    /// <returns>A task that completes with the task's result, fails with <see cref="TimeoutException"/>, or is canceled.</returns>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TaskCalls.TimeProviderFor(TimeProvider.System, WaitAsyncApi, file, line), cancellationToken);

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider)"/>: inside an execution the system's clock is its virtual clock.</summary>
    /// <returns>A task that completes with the task's result, or fails with <see cref="TimeoutException"/>.</returns>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TaskCalls.TimeProviderFor(timeProvider, WaitAsyncApi, file, line));

    /// <summary>Stands in for <see cref="Task{TResult}.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <returns>A task that completes with the task's result, fails with <see cref="TimeoutException"/>, or is canceled.</returns>
    public static Task<TResult> WaitAsync<TResult>(Task<TResult> task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TaskCalls.TimeProviderFor(timeProvider, WaitAsyncApi, file, line), cancellationToken);
}
