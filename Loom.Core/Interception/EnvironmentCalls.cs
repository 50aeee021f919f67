using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Runtime;
using Loom.Simulation;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Environment"/>'s tick counts and thread identity. Inside a Loom execution the tick
/// counts count the simulated machine's uptime on the virtual clock (a day at the execution's start, see
/// <see cref="SimClock"/>), and the thread id is the logical thread's own: logical threads share pooled OS threads,
/// so the real id is neither stable across executions nor distinct between them. Outside, the real ones.
/// </summary>
[PassesThrough("*", "the process's environment: no clock and no thread identity")]
[Intercepts(typeof(Environment))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class EnvironmentCalls
{
    /// <summary>Stands in for <see cref="Environment.TickCount"/>.</summary>
    /// <returns>Milliseconds of uptime, wrapping as the real count does.</returns>
    public static int get_TickCount([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Environment.TickCount", file, line) is { } me ? me.Recorded((int)me.Execution.Clock.TickCount64) : Environment.TickCount;

    /// <summary>Stands in for <see cref="Environment.TickCount64"/>.</summary>
    /// <returns>Milliseconds of uptime.</returns>
    public static long get_TickCount64([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("Environment.TickCount64", file, line) is { } me ? me.Recorded(me.Execution.Clock.TickCount64) : Environment.TickCount64;

    /// <summary>
    /// Stands in for <see cref="Environment.CurrentManagedThreadId"/>: inside an execution the calling logical
    /// thread's number plus one (what <c>Thread.ManagedThreadId</c> returns for it), the same in every execution.
    /// </summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The calling thread's managed id.</returns>
    public static int get_CurrentManagedThreadId([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Environment.CurrentManagedThreadId", file, line) is { } me
            ? ThreadModel.ManagedThreadId(me)
            : Environment.CurrentManagedThreadId;
}
