using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="ValueTask.ConfigureAwait(bool)"/>: inside a Loom execution the await comes back through
/// the captured context, so its continuation stays a step under Loom's control. Outside it calls the real member.
/// </summary>
[Intercepts(typeof(ValueTask))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ValueTaskCalls
{
    /// <summary>Stands in for <see cref="ValueTask.ConfigureAwait(bool)"/>.</summary>
    /// <returns>The awaitable.</returns>
    public static ConfiguredValueTaskAwaitable ConfigureAwait(ref ValueTask valueTask, bool continueOnCapturedContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        valueTask.ConfigureAwait(continueOnCapturedContext || ControlledTasks.InExecution("ValueTask.ConfigureAwait", file, line));
}
