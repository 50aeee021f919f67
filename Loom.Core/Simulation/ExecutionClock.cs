using System;
using System.Diagnostics;
using System.Threading;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// The system clock as rewritten code sees it (<c>TimeProvider.System</c>): inside a Loom execution, that
/// execution's <see cref="SimClock"/>; outside, <see cref="TimeProvider.System"/>. It is one object that asks at
/// each call, so a provider kept in a static field (initialized during one execution) follows every later execution
/// instead of holding a finished one's clock. Its timestamps are in <see cref="Stopwatch.Frequency"/> units, as the
/// system's are, so they mix with <c>Stopwatch.GetTimestamp</c> as they do for real.
/// </summary>
internal sealed class ExecutionClock : TimeProvider
{
    /// <summary>The one instance: what <c>TimeProvider.System</c> gives rewritten code inside an execution.</summary>
    public static readonly ExecutionClock Instance = new();

    private ExecutionClock()
    {
    }

    /// <summary>
    /// The provider <paramref name="timeProvider"/> stands for inside <paramref name="execution"/>: its clock for the
    /// system's (or this one), any other provider (a SimClock, the user's own) as it is.
    /// </summary>
    public static TimeProvider InExecution(TimeProvider timeProvider, Execution execution) =>
        ReferenceEquals(timeProvider, System) || ReferenceEquals(timeProvider, Instance) ? execution.Clock : timeProvider;

    /// <summary>The clock of the execution whose code calls, or <see langword="null"/> outside one.</summary>
    private static SimClock? Current => LoomRuntime.Controlled("TimeProvider.System", null, 0)?.Execution.Clock;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Current is { } clock ? clock.GetUtcNow() : System.GetUtcNow();

    /// <inheritdoc />
    public override long GetTimestamp() => Current is { } clock ? clock.StopwatchTimestamp : Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public override long TimestampFrequency => Stopwatch.Frequency;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => Current is { } clock ? clock.LocalTimeZone : System.LocalTimeZone;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        (Current ?? System).CreateTimer(callback, state, dueTime, period);
}
