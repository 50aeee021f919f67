using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Runtime;
using Loom.Simulation;
using Loom.Threading;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Task"/>'s members in rewritten code (the convention is <see cref="InterceptsAttribute"/>'s).
/// Inside a Loom execution, tasks start on the execution's scheduler as steps of their own, delays and timeouts run
/// on its virtual clock, blocking waits are controlled waits (a deadlock through one is reported as such), and an
/// await configured not to capture the context still comes back under Loom's control. Outside an execution each
/// calls the real member. The members not here pass through or are not intercepted yet, as the attributes on this
/// class say, with their reasons.
/// </summary>
[PassesThrough("New", PassThroughReasons.Unstarted)]
[PassesThrough("get_Id", PassThroughReasons.State)]
[PassesThrough("get_CurrentId", PassThroughReasons.State)]
[PassesThrough("get_Exception", PassThroughReasons.State)]
[PassesThrough("get_CreationOptions", PassThroughReasons.State)]
[PassesThrough("get_AsyncState", PassThroughReasons.State)]
[PassesThrough("get_Factory", "the factory's StartNew is intercepted (TaskFactoryCalls)")]
[PassesThrough("get_CompletedTask", PassThroughReasons.Completed)]
[PassesThrough("FromResult", PassThroughReasons.Completed)]
[PassesThrough("FromException", PassThroughReasons.Completed)]
[PassesThrough("FromCanceled", PassThroughReasons.Completed)]
[PassesThrough("GetAwaiter", "the awaiter's GetResult is intercepted (TaskAwaiterCalls)")]
[PassesThrough("Yield", "posts its continuation to the current synchronization context: inside an execution a step under Loom's control")]
[PassesThrough("WhenAll", Combinator)]
[PassesThrough("WhenAny", Combinator)]
[PassesThrough("WhenEach", Combinator)]
[PassesThrough("WaitAsync(System.Threading.CancellationToken)", PassThroughReasons.WaitWithoutTimeout)]
[PassesThrough("RunSynchronously", "runs the task inline on the calling thread")]
[PassesThrough("Dispose", "releases the task's wait handle; no concurrency")]
[NotInterceptedYet("ContinueWith", PassThroughReasons.ContinuationNotYet)]
[Intercepts(typeof(Task))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TaskCalls
{
    private const string Combinator = "a combinator: it completes on the step that completes its tasks, under Loom's control";

    private const string RunApi = "Task.Run";
    private const string DelayApi = "Task.Delay";
    private const string WaitApi = "Task.Wait";
    private const string WaitAllApi = "Task.WaitAll";
    private const string WaitAnyApi = "Task.WaitAny";
    private const string WaitAsyncApi = "Task.WaitAsync";
    private const string ConfigureAwaitApi = "Task.ConfigureAwait";
    private const string StartApi = "Task.Start";

    /// <summary>Stands in for <see cref="Task.Run(Action)"/>: inside an execution the work is a step of its own on Loom's scheduler.</summary>
    /// <returns>The task running the work.</returns>
    public static Task Run(Action action, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(action, CancellationToken.None, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run(Action, CancellationToken)"/>.</summary>
    /// <returns>The task running the work.</returns>
    public static Task Run(Action action, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(action, cancellationToken, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run(Func{Task})"/>.</summary>
    /// <returns>A proxy for the function's task.</returns>
    public static Task Run(Func<Task?> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run(Func{Task}, CancellationToken)"/>.</summary>
    /// <returns>A proxy for the function's task.</returns>
    public static Task Run(Func<Task?> function, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, cancellationToken, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{TResult})"/>.</summary>
    /// <returns>The task running the work.</returns>
    public static Task<TResult> Run<TResult>(Func<TResult> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{TResult}, CancellationToken)"/>.</summary>
    /// <returns>The task running the work.</returns>
    public static Task<TResult> Run<TResult>(Func<TResult> function, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, cancellationToken, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{Task{TResult}})"/>.</summary>
    /// <returns>A proxy for the function's task.</returns>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Run{TResult}(Func{Task{TResult}}, CancellationToken)"/>.</summary>
    /// <returns>A proxy for the function's task.</returns>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, cancellationToken, RunApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(int)"/>: inside an execution, a delay of virtual time.</summary>
    /// <returns>A task that completes after the delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is below <see cref="Timeout.Infinite"/>.</exception>
    public static Task Delay(int millisecondsDelay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(millisecondsDelay, CancellationToken.None, DelayApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(int, CancellationToken)"/>.</summary>
    /// <returns>A task that completes after the delay, or is canceled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is below <see cref="Timeout.Infinite"/>.</exception>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(millisecondsDelay, cancellationToken, DelayApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan)"/>.</summary>
    /// <returns>A task that completes after the delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative other than infinite, or too large.</exception>
    public static Task Delay(TimeSpan delay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(delay, CancellationToken.None, DelayApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    /// <returns>A task that completes after the delay, or is canceled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative other than infinite, or too large.</exception>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(delay, cancellationToken, DelayApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, TimeProvider)"/>: inside an execution the system's clock is its virtual clock.</summary>
    /// <returns>A task that completes after the delay.</returns>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(delay, timeProvider, CancellationToken.None, DelayApi, file, line);

    /// <summary>Stands in for <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <returns>A task that completes after the delay, or is canceled.</returns>
    public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(delay, timeProvider, cancellationToken, DelayApi, file, line);

    /// <summary>
    /// Stands in for <see cref="Task.IsCompleted"/>: inside an execution a scheduling point that reads the task's
    /// completion, which a completion source's completions write (<see cref="TaskCompletionModel"/>).
    /// </summary>
    /// <returns>Whether the task is complete.</returns>
    public static bool get_IsCompleted(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Observed(task, "Task.IsCompleted", file, line).IsCompleted;

    /// <summary>Stands in for <see cref="Task.IsCompletedSuccessfully"/>; see <see cref="get_IsCompleted(Task, string?, int)"/>.</summary>
    /// <returns>Whether the task ran to completion.</returns>
    public static bool get_IsCompletedSuccessfully(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Observed(task, "Task.IsCompletedSuccessfully", file, line).IsCompletedSuccessfully;

    /// <summary>Stands in for <see cref="Task.IsCanceled"/>; see <see cref="get_IsCompleted(Task, string?, int)"/>.</summary>
    /// <returns>Whether the task was canceled.</returns>
    public static bool get_IsCanceled(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Observed(task, "Task.IsCanceled", file, line).IsCanceled;

    /// <summary>Stands in for <see cref="Task.IsFaulted"/>; see <see cref="get_IsCompleted(Task, string?, int)"/>.</summary>
    /// <returns>Whether the task failed.</returns>
    public static bool get_IsFaulted(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Observed(task, "Task.IsFaulted", file, line).IsFaulted;

    /// <summary>Stands in for <see cref="Task.Status"/>; see <see cref="get_IsCompleted(Task, string?, int)"/>.</summary>
    /// <returns>The task's status.</returns>
    public static TaskStatus get_Status(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Observed(task, "Task.Status", file, line).Status;

    /// <summary>Stands in for <see cref="Task.Wait()"/>: inside an execution a controlled wait, so a deadlock through it is reported.</summary>
    /// <exception cref="AggregateException">The task failed or was canceled.</exception>
    public static void Wait(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (ControlledTasks.Waiting(task, WaitApi, file, line) is { } me)
            ControlledTasks.Wait(me, task, Timeout.Infinite, CancellationToken.None, WaitApi, file, line);
        else
            task.Wait();
    }

    /// <summary>Stands in for <see cref="Task.Wait(CancellationToken)"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="AggregateException">The task failed or was canceled.</exception>
    public static void Wait(Task task, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (ControlledTasks.Waiting(task, WaitApi, file, line) is { } me)
            ControlledTasks.Wait(me, task, Timeout.Infinite, cancellationToken, WaitApi, file, line);
        else
            task.Wait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.Wait(int)"/>: inside an execution the timeout is virtual time.</summary>
    /// <returns>Whether the task completed within the timeout.</returns>
    public static bool Wait(Task task, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Waiting(task, WaitApi, file, line) is { } me
            ? ControlledTasks.Wait(me, task, millisecondsTimeout, CancellationToken.None, WaitApi, file, line)
            : task.Wait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="Task.Wait(int, CancellationToken)"/>.</summary>
    /// <returns>Whether the task completed within the timeout.</returns>
    public static bool Wait(Task task, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Waiting(task, WaitApi, file, line) is { } me
            ? ControlledTasks.Wait(me, task, millisecondsTimeout, cancellationToken, WaitApi, file, line)
            : task.Wait(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="Task.Wait(TimeSpan)"/>.</summary>
    /// <returns>Whether the task completed within the timeout.</returns>
    public static bool Wait(Task task, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Waiting(task, WaitApi, file, line) is { } me
            ? ControlledTasks.Wait(me, task, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, WaitApi, file, line)
            : task.Wait(timeout);

    /// <summary>Stands in for <see cref="Task.Wait(TimeSpan, CancellationToken)"/>.</summary>
    /// <returns>Whether the task completed within the timeout.</returns>
    public static bool Wait(Task task, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Waiting(task, WaitApi, file, line) is { } me
            ? ControlledTasks.Wait(me, task, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, WaitApi, file, line)
            : task.Wait(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[])"/>: inside an execution a controlled wait.</summary>
    /// <exception cref="AggregateException">A task failed or was canceled.</exception>
    public static void WaitAll(Task[] tasks, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (WaitingAll(tasks, file, line) is { } me)
            ControlledTasks.WaitAll(me, tasks, Timeout.Infinite, CancellationToken.None, WaitAllApi, file, line);
        else
            Task.WaitAll(tasks);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(ReadOnlySpan{Task})"/>.</summary>
    /// <exception cref="AggregateException">A task failed or was canceled.</exception>
    public static void WaitAll(ReadOnlySpan<Task> tasks, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (ControlledTasks.NoneNull(tasks) && !ControlledTasks.AllCompleted(tasks) && LoomRuntime.Controlled(WaitAllApi, file, line) is { } me)
            ControlledTasks.WaitAll(me, tasks.ToArray(), Timeout.Infinite, CancellationToken.None, WaitAllApi, file, line);
        else
            Task.WaitAll(tasks);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(IEnumerable{Task}, CancellationToken)"/> (the sequence is read once).</summary>
    /// <exception cref="AggregateException">A task failed or was canceled.</exception>
    public static void WaitAll(IEnumerable<Task> tasks, CancellationToken cancellationToken = default, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (tasks is null || LoomRuntime.Controlled(WaitAllApi, file, line) is null)
        {
            Task.WaitAll(tasks!, cancellationToken);
            return;
        }
        var array = tasks.ToArray();
        if (WaitingAll(array, file, line) is { } me)
            ControlledTasks.WaitAll(me, array, Timeout.Infinite, cancellationToken, WaitAllApi, file, line);
        else
            Task.WaitAll(array, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], CancellationToken)"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    /// <exception cref="AggregateException">A task failed or was canceled.</exception>
    public static void WaitAll(Task[] tasks, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (WaitingAll(tasks, file, line) is { } me)
            ControlledTasks.WaitAll(me, tasks, Timeout.Infinite, cancellationToken, WaitAllApi, file, line);
        else
            Task.WaitAll(tasks, cancellationToken);
    }

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], int)"/>: inside an execution the timeout is virtual time.</summary>
    /// <returns>Whether every task completed within the timeout.</returns>
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAll(tasks, file, line) is { } me
            ? ControlledTasks.WaitAll(me, tasks, millisecondsTimeout, CancellationToken.None, WaitAllApi, file, line)
            : Task.WaitAll(tasks, millisecondsTimeout);

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], int, CancellationToken)"/>.</summary>
    /// <returns>Whether every task completed within the timeout.</returns>
    public static bool WaitAll(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAll(tasks, file, line) is { } me
            ? ControlledTasks.WaitAll(me, tasks, millisecondsTimeout, cancellationToken, WaitAllApi, file, line)
            : Task.WaitAll(tasks, millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAll(Task[], TimeSpan)"/>.</summary>
    /// <returns>Whether every task completed within the timeout.</returns>
    public static bool WaitAll(Task[] tasks, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAll(tasks, file, line) is { } me
            ? ControlledTasks.WaitAll(me, tasks, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, WaitAllApi, file, line)
            : Task.WaitAll(tasks, timeout);

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[])"/>: inside an execution a controlled wait.</summary>
    /// <returns>The index of the task that completed first.</returns>
    public static int WaitAny(Task[] tasks, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAny(tasks, file, line) is { } me
            ? ControlledTasks.WaitAny(me, tasks, Timeout.Infinite, CancellationToken.None, WaitAnyApi, file, line)
            : Task.WaitAny(tasks);

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], CancellationToken)"/>.</summary>
    /// <returns>The index of the task that completed first.</returns>
    public static int WaitAny(Task[] tasks, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAny(tasks, file, line) is { } me
            ? ControlledTasks.WaitAny(me, tasks, Timeout.Infinite, cancellationToken, WaitAnyApi, file, line)
            : Task.WaitAny(tasks, cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], int)"/>: inside an execution the timeout is virtual time.</summary>
    /// <returns>The index of the task that completed first, or -1 on timeout.</returns>
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAny(tasks, file, line) is { } me
            ? ControlledTasks.WaitAny(me, tasks, millisecondsTimeout, CancellationToken.None, WaitAnyApi, file, line)
            : Task.WaitAny(tasks, millisecondsTimeout);

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], int, CancellationToken)"/>.</summary>
    /// <returns>The index of the task that completed first, or -1 on timeout.</returns>
    public static int WaitAny(Task[] tasks, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAny(tasks, file, line) is { } me
            ? ControlledTasks.WaitAny(me, tasks, millisecondsTimeout, cancellationToken, WaitAnyApi, file, line)
            : Task.WaitAny(tasks, millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAny(Task[], TimeSpan)"/>.</summary>
    /// <returns>The index of the task that completed first, or -1 on timeout.</returns>
    public static int WaitAny(Task[] tasks, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitingAny(tasks, file, line) is { } me
            ? ControlledTasks.WaitAny(me, tasks, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, WaitAnyApi, file, line)
            : Task.WaitAny(tasks, timeout);

    /// <summary>
    /// Stands in for <see cref="Task.ConfigureAwait(bool)"/>: inside an execution the await always comes back through
    /// the captured context, so its continuation stays a step under Loom's control (it still interleaves) instead of
    /// running on the real thread pool.
    /// </summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, bool continueOnCapturedContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.ConfigureAwait(continueOnCapturedContext || ControlledTasks.InExecution(ConfigureAwaitApi, file, line));

    /// <summary>Stands in for <see cref="Task.ConfigureAwait(ConfigureAwaitOptions)"/>; see <see cref="ConfigureAwait(Task, bool, string?, int)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredTaskAwaitable ConfigureAwait(Task task, ConfigureAwaitOptions options, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.ConfigureAwait(WithContext(options, ConfigureAwaitApi, file, line));

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan)"/>: inside an execution the timeout is virtual time.</summary>
    /// <returns>A task that completes with the task, or fails with <see cref="TimeoutException"/>.</returns>
    public static Task WaitAsync(Task task, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TimeProviderFor(TimeProvider.System, WaitAsyncApi, file, line), CancellationToken.None);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, CancellationToken)"/>.</summary>
    /// <returns>A task that completes with the task, fails with <see cref="TimeoutException"/>, or is canceled.</returns>
    public static Task WaitAsync(Task task, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TimeProviderFor(TimeProvider.System, WaitAsyncApi, file, line), cancellationToken);

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, TimeProvider)"/>: inside an execution the system's clock is its virtual clock.</summary>
    /// <returns>A task that completes with the task, or fails with <see cref="TimeoutException"/>.</returns>
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TimeProviderFor(timeProvider, WaitAsyncApi, file, line));

    /// <summary>Stands in for <see cref="Task.WaitAsync(TimeSpan, TimeProvider, CancellationToken)"/>.</summary>
    /// <returns>A task that completes with the task, fails with <see cref="TimeoutException"/>, or is canceled.</returns>
    public static Task WaitAsync(Task task, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.WaitAsync(timeout, TimeProviderFor(timeProvider, WaitAsyncApi, file, line), cancellationToken);

    /// <summary>
    /// Stands in for <see cref="Task.Start()"/>: inside an execution a task bound for the thread pool (the current
    /// scheduler's default) starts on Loom's scheduler as a step of its own.
    /// </summary>
    public static void Start(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Start(task, TaskScheduler.Current, file, line);

    /// <summary>Stands in for <see cref="Task.Start(TaskScheduler)"/>: the thread pool's scheduler is Loom's inside an execution; any other is respected.</summary>
    public static void Start(Task task, TaskScheduler scheduler, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        task.Start(ControlledTasks.SchedulerFor(scheduler, StartApi, null, file, line) ?? scheduler);

    /// <summary>The options with <see cref="ConfigureAwaitOptions.ContinueOnCapturedContext"/> inside an execution.</summary>
    internal static ConfigureAwaitOptions WithContext(ConfigureAwaitOptions options, string api, string? file, int line) =>
        (options & ConfigureAwaitOptions.ContinueOnCapturedContext) != 0 || !ControlledTasks.InExecution(api, file, line)
            ? options
            : options | ConfigureAwaitOptions.ContinueOnCapturedContext;

    /// <summary>The provider a timeout runs on: inside an execution the system's clock is the execution's.</summary>
    internal static TimeProvider TimeProviderFor(TimeProvider timeProvider, string api, string? file, int line) =>
        timeProvider is not null && LoomRuntime.Controlled(api, file, line) is { } me ? ExecutionClock.InExecution(timeProvider, me.Execution) : timeProvider!;

    private static Runtime.LogicalThread? WaitingAll(Task[] tasks, string? file, int line) =>
        tasks is not null && ControlledTasks.NoneNull(tasks) && !ControlledTasks.AllCompleted(tasks) ? LoomRuntime.Controlled(WaitAllApi, file, line) : null;

    private static Runtime.LogicalThread? WaitingAny(Task[] tasks, string? file, int line) =>
        tasks is not null && tasks.Length > 0 && ControlledTasks.NoneNull(tasks) && !ControlledTasks.AnyCompleted(tasks) ? LoomRuntime.Controlled(WaitAnyApi, file, line) : null;

    /// <summary>The task, after the scheduling point of a read of its state inside an execution.</summary>
    private static Task Observed(Task task, string api, string? file, int line)
    {
        if (LoomRuntime.Controlled(api, file, line) is { } me)
            TaskCompletionModel.Observe(me, StandIn.NotNull(task), api, file, line);
        return task;
    }
}
