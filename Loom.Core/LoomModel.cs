using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Runtime;

namespace Loom;

/// <summary>
/// The entry point: runs a test body many times under Loom's scheduler, one logical thread at a time, and
/// explores its interleavings with the strategy the options choose.
/// </summary>
public static class LoomModel
{
    /// <summary>Explores the body's interleavings and returns what was explored and the first failure, if any.</summary>
    /// <param name="body">The test body. It runs as logical thread 0 and starts others with <see cref="Loom.Threading.Thread"/>.</param>
    /// <param name="options">How to explore; <see langword="null"/> for the defaults.</param>
    /// <returns>The result; <see cref="ExplorationResult.Failure"/> holds the first failing execution.</returns>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="LoomOptions.Validate"/>).</exception>
    public static ExplorationResult Explore(Action body, LoomOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new Explorer(options ?? new LoomOptions(), ModelBody.From(body)).Run();
    }

    /// <summary>
    /// Explores an asynchronous body. Its continuations, the tasks it starts and its timers are steps the scheduler
    /// orders; thread 0 waits for the body's task under the scheduler's control. The exploration runs on a pooled
    /// OS thread, with the caller's execution context, while the caller waits.
    /// </summary>
    /// <param name="body">The test body.</param>
    /// <param name="options">How to explore; <see langword="null"/> for the defaults.</param>
    /// <returns>The result; <see cref="ExplorationResult.Failure"/> holds the first failing execution.</returns>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="LoomOptions.Validate"/>).</exception>
    public static ExplorationResult Explore(Func<Task> body, LoomOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new Explorer(options ?? new LoomOptions(), ModelBody.From(body)).Run();
    }

    /// <summary>Explores the body's interleavings and throws if any execution fails.</summary>
    /// <param name="body">The test body.</param>
    /// <param name="options">How to explore; <see langword="null"/> for the defaults.</param>
    /// <returns>The result of the passing run.</returns>
    /// <exception cref="LoomFailureException">An execution failed; the message holds its interleaving and schedule id.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="LoomOptions.Validate"/>).</exception>
    public static ExplorationResult Check(Action body, LoomOptions? options = null) => ThrowOnFailure(Explore(body, options));

    /// <summary>Explores an asynchronous body and throws if any execution fails.</summary>
    /// <param name="body">The test body.</param>
    /// <param name="options">How to explore; <see langword="null"/> for the defaults.</param>
    /// <returns>The result of the passing run.</returns>
    /// <exception cref="LoomFailureException">An execution failed; the message holds its interleaving and schedule id.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="LoomOptions.Validate"/>).</exception>
    public static ExplorationResult Check(Func<Task> body, LoomOptions? options = null) => ThrowOnFailure(Explore(body, options));

    /// <summary>
    /// Waits for a task from synchronous code. Inside a Loom execution the calling logical thread blocks at a
    /// scheduling point while other threads and continuations run (a real wait there would stall the execution);
    /// outside, it is an ordinary wait.
    /// </summary>
    /// <param name="task">The task to wait for.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is <see langword="null"/>.</exception>
    /// <exception cref="Exception">Whatever the task failed with (the exception itself, not an AggregateException).</exception>
    public static void WaitFor(Task task, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(task);
        Async.ControlledTasks.Block(task, "LoomModel.WaitFor", file, line);
        task.GetAwaiter().GetResult();
    }

    private static ExplorationResult ThrowOnFailure(ExplorationResult result) =>
        result.Failure is { } failure ? throw new LoomFailureException(failure) : result;
}
