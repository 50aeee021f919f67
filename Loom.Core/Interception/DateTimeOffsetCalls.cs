using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="DateTimeOffset"/>'s clock reads: inside a Loom execution they read its virtual clock,
/// each read a step of the trace with its value; outside, the real clock.
/// </summary>
[PassesThrough("*", PassThroughReasons.NoClock)]
[Intercepts(typeof(DateTimeOffset))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class DateTimeOffsetCalls
{
    /// <summary>Stands in for <see cref="DateTimeOffset.UtcNow"/>.</summary>
    /// <returns>The current time, with a zero offset.</returns>
    public static DateTimeOffset get_UtcNow([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("DateTimeOffset.UtcNow", file, line) is { } me ? me.Recorded(me.Execution.Clock.GetUtcNow()) : DateTimeOffset.UtcNow;

    /// <summary>Stands in for <see cref="DateTimeOffset.Now"/>: inside an execution the virtual clock's local time zone is UTC.</summary>
    /// <returns>The current local time with its offset.</returns>
    public static DateTimeOffset get_Now([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("DateTimeOffset.Now", file, line) is { } me ? me.Recorded(me.Execution.Clock.GetLocalNow()) : DateTimeOffset.Now;
}
