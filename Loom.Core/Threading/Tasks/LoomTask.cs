using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Threading.Tasks;

/// <summary>
/// Mirrors the static members of <see cref="Task"/> that start work or wait for time. Inside a Loom execution,
/// <c>Run</c> queues the work on the execution's scheduler (a schedulable step, not the thread pool) and
/// <c>Delay</c> waits on the execution's virtual clock; outside, each forwards to <see cref="Task"/>.
/// <para>
/// It shares each path with the rewriter's stand-ins (<see cref="Loom.Interception.TaskCalls"/>) through
/// <see cref="ControlledTasks"/>. <c>Task.WhenAll</c>, <c>Task.WhenAny</c>, <c>Task.Yield</c>, <c>TaskCompletionSource</c> and awaits need no
/// mirror: their continuations come back through the execution's synchronization context. A real
/// <c>Task.Run</c> inside an execution escapes to the thread pool and is reported when it touches Loom.
/// </para>
/// </summary>
public static class LoomTask
{
    /// <summary>Mirrors <see cref="Task.Run(Action)"/>.</summary>
    /// <param name="action">The work.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The task running the work.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    public static Task Run(Action action, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Run(action, CancellationToken.None, file, line);

    /// <summary>Mirrors <see cref="Task.Run(Action, CancellationToken)"/>.</summary>
    /// <param name="action">The work.</param>
    /// <param name="cancellationToken">Cancels the work if it has not started.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The task running the work.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is <see langword="null"/>.</exception>
    public static Task Run(Action action, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(action, cancellationToken, "LoomTask.Run", file, line);

    /// <summary>Mirrors <see cref="Task.Run{TResult}(Func{TResult})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The work.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The task running the work.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Task<TResult> Run<TResult>(Func<TResult> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, "LoomTask.Run", file, line);

    /// <summary>Mirrors <see cref="Task.Run(Func{Task})"/>: runs an asynchronous function and returns a proxy for its task.</summary>
    /// <param name="function">The asynchronous work.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes when the function's task does.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Task Run(Func<Task?> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, "LoomTask.Run", file, line);

    /// <summary>Mirrors <see cref="Task.Run{TResult}(Func{Task{TResult}})"/>.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <param name="function">The asynchronous work.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes with the function's result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="function"/> is <see langword="null"/>.</exception>
    public static Task<TResult> Run<TResult>(Func<Task<TResult>?> function, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Run(function, CancellationToken.None, "LoomTask.Run", file, line);

    /// <summary>Mirrors <see cref="Task.Delay(int)"/>: inside an execution, a delay of virtual time.</summary>
    /// <param name="millisecondsDelay">The delay, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes after the delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static Task Delay(int millisecondsDelay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Delay(millisecondsDelay, CancellationToken.None, file, line);

    /// <summary>Mirrors <see cref="Task.Delay(int, CancellationToken)"/>.</summary>
    /// <param name="millisecondsDelay">The delay, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes after the delay, or is canceled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsDelay"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static Task Delay(int millisecondsDelay, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(millisecondsDelay, cancellationToken, "LoomTask.Delay", file, line);

    /// <summary>Mirrors <see cref="Task.Delay(TimeSpan)"/>.</summary>
    /// <param name="delay">The delay, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes after the delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative other than infinite, or too large.</exception>
    public static Task Delay(TimeSpan delay, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Delay(delay, CancellationToken.None, file, line);

    /// <summary>Mirrors <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="delay">The delay, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Cancels the delay.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>A task that completes after the delay, or is canceled.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative other than infinite, or too large.</exception>
    public static Task Delay(TimeSpan delay, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        ControlledTasks.Delay(delay, cancellationToken, "LoomTask.Delay", file, line);
}
