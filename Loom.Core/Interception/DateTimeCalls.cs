using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="DateTime"/>'s clock reads: inside a Loom execution they read its virtual clock (which
/// starts at <see cref="SimClock.Epoch"/> and whose local time zone is UTC, so a seed gives the same times on every
/// machine), each read a step of the trace with its value. Outside an execution each reads the real clock.
/// </summary>
[PassesThrough("*", PassThroughReasons.NoClock)]
[Intercepts(typeof(DateTime))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DateTimeCalls
{
    /// <summary>Stands in for <see cref="DateTime.UtcNow"/>.</summary>
    /// <returns>The current time, in UTC.</returns>
    public static DateTime get_UtcNow([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("DateTime.UtcNow", file, line) is { } me ? me.Recorded(me.Execution.Clock.GetUtcNow().UtcDateTime) : DateTime.UtcNow;

    /// <summary>Stands in for <see cref="DateTime.Now"/>: inside an execution, the virtual clock's local time (UTC), of kind <see cref="DateTimeKind.Local"/>.</summary>
    /// <returns>The current local time.</returns>
    public static DateTime get_Now([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("DateTime.Now", file, line) is { } me ? me.Recorded(LocalNow(me.Execution.Clock)) : DateTime.Now;

    /// <summary>Stands in for <see cref="DateTime.Today"/>.</summary>
    /// <returns>Today's date, local time.</returns>
    public static DateTime get_Today([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("DateTime.Today", file, line) is { } me ? me.Recorded(LocalNow(me.Execution.Clock).Date) : DateTime.Today;

    private static DateTime LocalNow(SimClock clock) => new(clock.GetLocalNow().Ticks, DateTimeKind.Local);
}
