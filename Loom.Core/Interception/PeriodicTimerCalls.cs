using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="PeriodicTimer"/>'s constructors: inside a Loom execution the timer ticks on the
/// execution's virtual clock (the system's clock, given or implied, is the execution's), so
/// <c>WaitForNextTickAsync</c>, <c>Period</c> and <c>Dispose</c> need no stand-in. Outside an execution each makes
/// the real timer.
/// </summary>
[PassesThrough("WaitForNextTickAsync", "ticks on the provider given at construction: the execution's clock inside one")]
[PassesThrough("get_Period", PassThroughReasons.State)]
[PassesThrough("set_Period", "re-arms the timer on its provider")]
[PassesThrough("Dispose", "disposes the timer on its provider")]
[Intercepts(typeof(PeriodicTimer))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PeriodicTimerCalls
{
    private const string Api = "new PeriodicTimer";

    /// <summary>Stands in for <see cref="PeriodicTimer(TimeSpan)"/>.</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not a whole positive number of milliseconds below 4294967295, or infinite.</exception>
    public static PeriodicTimer New(TimeSpan period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(Api, file, line) is { } me ? new PeriodicTimer(period, me.Execution.Clock) : new PeriodicTimer(period);

    /// <summary>Stands in for <see cref="PeriodicTimer(TimeSpan, TimeProvider)"/>.</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is out of range.</exception>
    public static PeriodicTimer New(TimeSpan period, TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        new(period, timeProvider is not null && LoomRuntime.Controlled(Api, file, line) is { } me ? ExecutionClock.InExecution(timeProvider, me.Execution) : timeProvider!);
}
