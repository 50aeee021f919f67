using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ValueTask.ConfigureAwait(bool)"/>: inside a Loom execution the await comes back through
/// the captured context, so its continuation stays a step under Loom's control. Outside it calls the real member.
/// </summary>
[PassesThrough("New", "wraps a result, a task or a source; no concurrency")]
[PassesThrough("AsTask", "the task is the value task's, completed where it completes")]
[PassesThrough("Preserve", PassThroughReasons.State)]
[PassesThrough("GetAwaiter", "the awaiter's GetResult is intercepted (ValueTaskAwaiterCalls)")]
[PassesThrough("get_IsCompleted", PassThroughReasons.State)]
[PassesThrough("get_IsCompletedSuccessfully", PassThroughReasons.State)]
[PassesThrough("get_IsFaulted", PassThroughReasons.State)]
[PassesThrough("get_IsCanceled", PassThroughReasons.State)]
[PassesThrough("Equals", PassThroughReasons.ValueEquality)]
[PassesThrough("GetHashCode", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Equality", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Inequality", PassThroughReasons.ValueEquality)]
[PassesThrough("get_CompletedTask", PassThroughReasons.Completed)]
[PassesThrough("FromResult", PassThroughReasons.Completed)]
[PassesThrough("FromException", PassThroughReasons.Completed)]
[PassesThrough("FromCanceled", PassThroughReasons.Completed)]
[Intercepts(typeof(ValueTask))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueTaskCalls
{
    /// <summary>Stands in for <see cref="ValueTask.ConfigureAwait(bool)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredValueTaskAwaitable ConfigureAwait(ref ValueTask valueTask, bool continueOnCapturedContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        valueTask.ConfigureAwait(continueOnCapturedContext || ControlledTasks.InExecution("ValueTask.ConfigureAwait", file, line));
}
