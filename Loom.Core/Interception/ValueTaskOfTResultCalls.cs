using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="ValueTask{TResult}"/>'s <c>Result</c> (a controlled wait inside a Loom execution) and
/// <c>ConfigureAwait</c> (the continuation stays under Loom's control). Outside an execution each calls the real member.
/// </summary>
[PassesThrough("New", "wraps a result, a task or a source; no concurrency")]
[PassesThrough("AsTask", "the task is the value task's, completed where it completes")]
[PassesThrough("Preserve", PassThroughReasons.State)]
[PassesThrough("GetAwaiter", "the awaiter's GetResult is intercepted (ValueTaskAwaiterOfTResultCalls)")]
[PassesThrough("get_IsCompleted", PassThroughReasons.State)]
[PassesThrough("get_IsCompletedSuccessfully", PassThroughReasons.State)]
[PassesThrough("get_IsFaulted", PassThroughReasons.State)]
[PassesThrough("get_IsCanceled", PassThroughReasons.State)]
[PassesThrough("Equals", PassThroughReasons.ValueEquality)]
[PassesThrough("GetHashCode", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Equality", PassThroughReasons.ValueEquality)]
[PassesThrough("op_Inequality", PassThroughReasons.ValueEquality)]
[PassesThrough("ToString", "formats the result of a completed value task")]
[Intercepts(typeof(ValueTask<>))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueTaskOfTResultCalls
{
    private const string ResultApi = "ValueTask.Result";

    /// <summary>
    /// Stands in for <see cref="ValueTask{TResult}.Result"/>: inside an execution, a value task not completed yet is
    /// waited for under Loom's control (its completion is only looked at, never consumed, until the real member reads it).
    /// </summary>
    /// <returns>The result.</returns>
    public static TResult get_Result<TResult>(ref ValueTask<TResult> valueTask, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (!valueTask.IsCompleted)
            Block(valueTask, file, line);
        return valueTask.Result;
    }

    /// <summary>Stands in for <see cref="ValueTask{TResult}.ConfigureAwait(bool)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredValueTaskAwaitable<TResult> ConfigureAwait<TResult>(ref ValueTask<TResult> valueTask, bool continueOnCapturedContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        valueTask.ConfigureAwait(continueOnCapturedContext || ControlledTasks.InExecution("ValueTask.ConfigureAwait", file, line));

    private static void Block<TResult>(ValueTask<TResult> valueTask, string? file, int line) =>
        ControlledTasks.Block(() => valueTask.IsCompleted, "the value task", ResultApi, file, line);
}
