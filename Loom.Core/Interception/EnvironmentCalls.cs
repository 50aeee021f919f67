using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Environment"/>'s tick counts: inside a Loom execution they count the simulated
/// machine's uptime on the virtual clock (a day at the execution's start, see <see cref="SimClock"/>); outside,
/// the real one.
/// </summary>
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
}
