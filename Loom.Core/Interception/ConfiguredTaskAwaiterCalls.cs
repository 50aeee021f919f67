using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult"/> (<c>task.ConfigureAwait(false).GetAwaiter().GetResult()</c>): inside a Loom execution, blocking on an awaiter that has not
/// completed is a controlled wait, so a deadlock through it is reported. The compiler's own await calls it only once
/// the awaiter completed, which costs one check more than the real member.
/// </summary>
[PassesThrough("get_IsCompleted", PassThroughReasons.State)]
[PassesThrough("OnCompleted", PassThroughReasons.OnCompleted)]
[PassesThrough("UnsafeOnCompleted", PassThroughReasons.OnCompleted)]
[Intercepts(typeof(ConfiguredTaskAwaitable.ConfiguredTaskAwaiter))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ConfiguredTaskAwaiterCalls
{
    private const string Api = "ConfiguredTaskAwaiter.GetResult";

    /// <summary>Stands in for <see cref="ConfiguredTaskAwaitable.ConfiguredTaskAwaiter.GetResult"/>.</summary>
    /// <exception cref="Exception">What the awaited operation failed with.</exception>
    public static void GetResult(ref ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (!awaiter.IsCompleted)
            Block(awaiter, file, line);
        awaiter.GetResult();
    }

    // The closure lives here, so the common case (completed) allocates nothing.
    private static void Block(ConfiguredTaskAwaitable.ConfiguredTaskAwaiter awaiter, string? file, int line) =>
        ControlledTasks.Block(() => awaiter.IsCompleted, "the awaited operation", Api, file, line);
}
