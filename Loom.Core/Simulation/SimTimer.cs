using System;
using System.Threading;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>A timer on a <see cref="SimClock"/>: when virtual time reaches its due time its callback runs as a step of the execution.</summary>
internal sealed class SimTimer : ITimer
{
    private readonly SimClock _clock;
    private readonly TimerCallback? _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;
    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public SimTimer(SimClock clock, TimerCallback? callback, object? state, ExecutionContext? context)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _context = context;
    }

    /// <summary>The virtual time (ticks since the execution's start) the timer fires at.</summary>
    public long Due { get; set; }

    /// <summary>When the timer was last armed, to order timers that fall due together.</summary>
    public long Arming { get; set; }

    /// <summary>Whether the timer has fired at least once.</summary>
    public bool Fired { get; private set; }

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        SimClock.Validate(dueTime, nameof(dueTime));
        SimClock.Validate(period, nameof(period));
        if (_disposed)
            return false;
        _period = period == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : period;
        _clock.Arm(this, dueTime);
        return true;
    }

    /// <summary>Runs the callback as a new step; re-arms a periodic timer.</summary>
    public void Fire(Execution execution)
    {
        Fired = true;
        if (_period != Timeout.InfiniteTimeSpan)
            _clock.Arm(this, _period);
        if (_callback is null)
            return;
        var callback = _callback;
        var state = _state;
        var context = _context;
        Action run = context is null
            ? () => callback(state)
            : () => ExecutionContext.Run(context, static s => { var (c, st) = ((TimerCallback, object?))s!; c(st); }, (callback, state));
        execution.QueueWork(run, $"timer callback {WorkNames.Describe(callback)}", "timer fires");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _clock.Disarm(this);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
