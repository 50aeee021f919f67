using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="TimeProvider"/>'s members. Inside a Loom execution <c>TimeProvider.System</c> is the
/// execution's clock (one object that follows whichever execution calls, in <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp units like the system's), and a call on the real system provider, kept from before the execution, is
/// one on the execution's clock too; any other provider (a <see cref="SimClock"/>, the user's own) is called as it is.
/// Outside an execution each calls the real member.
/// </summary>
[PassesThrough("get_TimestampFrequency", "Stopwatch.Frequency for the system's clock and the execution's alike")]
[PassesThrough("GetElapsedTime(System.Int64,System.Int64)", PassThroughReasons.TimestampArithmetic)]
[Intercepts(typeof(TimeProvider))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TimeProviderCalls
{
    /// <summary>Stands in for <see cref="TimeProvider.System"/>.</summary>
    /// <returns>The system's clock: the execution's inside one.</returns>
    public static TimeProvider get_System([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        VirtualTime.Read("TimeProvider.System", file, line) is not null ? ExecutionClock.Instance : TimeProvider.System;

    /// <summary>Stands in for <see cref="TimeProvider.GetUtcNow"/>.</summary>
    /// <returns>The provider's current time.</returns>
    public static DateTimeOffset GetUtcNow(TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Read(timeProvider, "TimeProvider.GetUtcNow", file, line) is { } me ? me.Recorded(ExecutionClock.Instance.GetUtcNow()) : timeProvider.GetUtcNow();

    /// <summary>Stands in for <see cref="TimeProvider.GetLocalNow"/>.</summary>
    /// <returns>The provider's current local time.</returns>
    public static DateTimeOffset GetLocalNow(TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Read(timeProvider, "TimeProvider.GetLocalNow", file, line) is { } me ? me.Recorded(ExecutionClock.Instance.GetLocalNow()) : timeProvider.GetLocalNow();

    /// <summary>Stands in for <see cref="TimeProvider.GetTimestamp"/>.</summary>
    /// <returns>The provider's timestamp, in units of its <see cref="TimeProvider.TimestampFrequency"/>.</returns>
    public static long GetTimestamp(TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Read(timeProvider, "TimeProvider.GetTimestamp", file, line) is { } me ? me.Recorded(ExecutionClock.Instance.GetTimestamp()) : timeProvider.GetTimestamp();

    /// <summary>Stands in for <see cref="TimeProvider.GetElapsedTime(long)"/>.</summary>
    /// <returns>The time since <paramref name="startingTimestamp"/>.</returns>
    public static TimeSpan GetElapsedTime(TimeProvider timeProvider, long startingTimestamp, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Read(timeProvider, "TimeProvider.GetElapsedTime", file, line) is { } me
            ? me.Recorded(ExecutionClock.Instance.GetElapsedTime(startingTimestamp))
            : timeProvider.GetElapsedTime(startingTimestamp);

    /// <summary>Stands in for <see cref="TimeProvider.LocalTimeZone"/>: the virtual clock's is UTC.</summary>
    /// <returns>The provider's local time zone.</returns>
    public static TimeZoneInfo get_LocalTimeZone(TimeProvider timeProvider, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        IsSystem(timeProvider) ? ExecutionClock.Instance.LocalTimeZone : timeProvider.LocalTimeZone;

    /// <summary>Stands in for <see cref="TimeProvider.CreateTimer"/>: a timer on the system's clock is one on the execution's virtual clock.</summary>
    /// <returns>The timer.</returns>
    public static ITimer CreateTimer(TimeProvider timeProvider, TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        (IsSystem(timeProvider) && LoomRuntime.Controlled("TimeProvider.CreateTimer", file, line) is { } me ? me.Execution.Clock : timeProvider).CreateTimer(callback, state, dueTime, period);

    /// <summary>The reading thread, after its step, when <paramref name="timeProvider"/> is the system's and the call is inside an execution.</summary>
    private static LogicalThread? Read(TimeProvider timeProvider, string api, string? file, int line) =>
        IsSystem(timeProvider) ? VirtualTime.Read(api, file, line) : null;

    private static bool IsSystem(TimeProvider timeProvider) =>
        ReferenceEquals(timeProvider, TimeProvider.System) || ReferenceEquals(timeProvider, ExecutionClock.Instance);
}
