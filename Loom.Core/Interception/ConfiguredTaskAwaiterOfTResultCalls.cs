using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConfiguredTaskAwaitable{TResult}.ConfiguredTaskAwaiter.GetResult"/>: inside a Loom execution, blocking on an awaiter that has not
/// completed is a controlled wait, so a deadlock through it is reported. The compiler's own await calls it only once
/// the awaiter completed, which costs one check more than the real member.
/// </summary>
[PassesThrough("OnCompleted", PassThroughReasons.OnCompleted)]
[PassesThrough("UnsafeOnCompleted", PassThroughReasons.OnCompleted)]
[Intercepts(typeof(ConfiguredTaskAwaitable<>.ConfiguredTaskAwaiter))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfiguredTaskAwaiterOfTResultCalls
{
    private const string Api = "ConfiguredTaskAwaiter.GetResult";

    /// <summary>
    /// Stands in for <see cref="ConfiguredTaskAwaitable{TResult}.ConfiguredTaskAwaiter.IsCompleted"/>: an await that finds the operation pending suspends, and inside
    /// a Loom execution its line is noted, so a deadlock report can name the await still waiting there.
    /// </summary>
    /// <returns>Whether the awaited operation completed.</returns>
    public static bool get_IsCompleted<TResult>(ref ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (awaiter.IsCompleted)
            return true;
        if (ControlledTasks.NotesAwaits)
            Suspends(awaiter, file, line);
        return false;
    }

    /// <summary>Stands in for <see cref="ConfiguredTaskAwaitable{TResult}.ConfiguredTaskAwaiter.GetResult"/>.</summary>
    /// <returns>The awaited result.</returns>
    public static TResult GetResult<TResult>(ref ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (!awaiter.IsCompleted)
            Block(awaiter, file, line);
        return awaiter.GetResult();
    }

    // The closure lives here, so the common case (completed) allocates nothing.
    private static void Block<TResult>(ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter, string? file, int line) =>
        ControlledTasks.Block(() => awaiter.IsCompleted, "the awaited operation", Api, file, line);

    private static void Suspends<TResult>(ConfiguredTaskAwaitable<TResult>.ConfiguredTaskAwaiter awaiter, string? file, int line) =>
        ControlledTasks.Suspends(() => awaiter.IsCompleted, file, line);
}
