using System;
using System.Threading;
using System.Threading.Tasks;

namespace Loom.Simulation;

/// <summary>
/// A node's own view of time, over the execution's <see cref="SimClock"/>. Its wall clock
/// (<see cref="GetUtcNow"/>) is off by a fixed <see cref="Skew"/>, runs fast or slow by its <see cref="Drift"/>, and
/// moves by every <see cref="Jump"/>; its monotonic timestamps and its timers drift too but never jump, as on a real
/// machine. Pass it wherever production code takes a <see cref="TimeProvider"/>.
/// </summary>
public sealed class SimNodeClock : TimeProvider
{
    private readonly SimClock _clock;

    internal SimNodeClock(SimClock clock, TimeSpan skew, double drift)
    {
        _clock = clock;
        Skew = skew;
        Drift = drift;
    }

    /// <summary>How far the node's wall clock was off when the run started.</summary>
    public TimeSpan Skew { get; }

    /// <summary>How much faster than true time the node's clock runs, as a fraction (negative: slower).</summary>
    public double Drift { get; }

    /// <summary>The sum of the jumps of the node's wall clock so far.</summary>
    public TimeSpan Jumped { get; private set; }

    /// <summary>How much time the node's clock has counted since the run started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Local(_clock.Elapsed.Ticks));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => SimClock.Epoch + Skew + Jumped + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => Local(_clock.Elapsed.Ticks);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// Creates a timer that counts its due time and period on the node's clock (so a fast clock fires it early in
    /// true time). Its callbacks are the node's work: if the node crashes, they never run.
    /// </summary>
    /// <param name="callback">The callback.</param>
    /// <param name="state">The callback's argument.</param>
    /// <param name="dueTime">When the callback first runs, or <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="period">The interval between later runs, or <see cref="Timeout.InfiniteTimeSpan"/> (or zero) for none.</param>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative other than infinite, or too large.</exception>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        SimClock.Validate(dueTime, nameof(dueTime));
        SimClock.Validate(period, nameof(period));
        return new DriftingTimer(this, _clock.CreateTimer(callback, state, Global(dueTime), Global(period)));
    }

    /// <summary>Steps the node's wall clock by <paramref name="by"/> (forward or back); timers and timestamps are not affected.</summary>
    internal void Jump(TimeSpan by) => Jumped += by;

    private long Local(long trueTicks) => (long)(trueTicks * (1 + Drift));

    /// <summary>The true duration a node-local duration takes, rounded up so a timer never fires before its local due time.</summary>
    private TimeSpan Global(TimeSpan local)
    {
        if (local == Timeout.InfiniteTimeSpan || local == TimeSpan.Zero || Drift == 0)
            return local;
        return TimeSpan.FromTicks((long)Math.Ceiling(local.Ticks / (1 + Drift)));
    }

    /// <summary>A timer whose due times the node's clock converts to true time.</summary>
    private sealed class DriftingTimer(SimNodeClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            SimClock.Validate(dueTime, nameof(dueTime));
            SimClock.Validate(period, nameof(period));
            return inner.Change(clock.Global(dueTime), clock.Global(period));
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
