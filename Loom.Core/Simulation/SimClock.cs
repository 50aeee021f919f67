using System;
using System.Collections.Generic;
using System.Threading;
using Loom.Runtime;

namespace Loom.Simulation;

/// <summary>
/// Virtual time for one Loom execution, as a <see cref="TimeProvider"/>: everything that takes a TimeProvider
/// (<c>Task.Delay</c>, <c>PeriodicTimer</c>, <c>CancellationTokenSource</c>, <c>Task.WaitAsync</c>, Polly, ASP.NET)
/// runs on it. Time moves only when no thread or task can run, and then jumps to the next due timer, so a
/// simulated hour passes in milliseconds. Timers that fall due together fire as separate steps, in an order the
/// strategy chooses, and a callback sees its own due time. Get the current execution's clock from
/// <see cref="Sim.Clock"/>.
/// </summary>
public sealed class SimClock : TimeProvider
{
    /// <summary>The instant every execution's clock starts at, so that runs are reproducible.</summary>
    public static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The longest due time or period a timer accepts, as for System.Threading.Timer.</summary>
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly Execution _execution;

    /// <summary>
    /// Armed timers by due time, then by when they were armed. Re-arming or disarming a timer leaves its old entry
    /// behind, recognized as stale by its arming number and skipped when it comes up.
    /// </summary>
    private readonly PriorityQueue<SimTimer, (long Due, long Arming)> _armed = new();

    /// <summary>The timers that fall due at the instant being fired, reused from one advance to the next.</summary>
    private readonly List<SimTimer> _due = new();

    /// <summary>How many timers are armed (entries of <see cref="_armed"/> that are not stale).</summary>
    private int _live;
    private long _now;
    private long _armings;

    internal SimClock(Execution execution) => _execution = execution;

    /// <summary>The execution whose virtual time this is.</summary>
    internal Execution Execution => _execution;

    /// <summary>How much virtual time has passed since the execution started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_now);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    /// <inheritdoc />
    public override long GetTimestamp() => _now;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// How long the simulated machine has been up when an execution starts: what <c>Environment.TickCount64</c> and
    /// <c>Stopwatch.GetTimestamp</c> read at its start (code uses zero as "never", so they do not start at zero).
    /// </summary>
    internal static readonly TimeSpan UptimeAtStart = TimeSpan.FromDays(1);

    /// <summary>The simulated machine's uptime, as <c>Environment.TickCount64</c> counts it: milliseconds.</summary>
    internal long TickCount64 => (long)(UptimeAtStart + Elapsed).TotalMilliseconds;

    /// <summary>The simulated machine's uptime as a <c>Stopwatch</c> timestamp: in units of <see cref="global::System.Diagnostics.Stopwatch.Frequency"/>.</summary>
    internal long StopwatchTimestamp => (long)((Int128)(UptimeAtStart.Ticks + _now) * global::System.Diagnostics.Stopwatch.Frequency / TimeSpan.TicksPerSecond);

    /// <summary>Creates a virtual timer: its callback runs as a step of the execution when virtual time reaches its due time.</summary>
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
        Validate(dueTime, nameof(dueTime));
        Validate(period, nameof(period));
        return CreateTimer(callback, state, dueTime, period, withContext: false);
    }

    /// <summary>
    /// Creates a virtual timer, as <see cref="CreateTimer(TimerCallback, object?, TimeSpan, TimeSpan)"/> does, whose
    /// callback runs with a synchronization context (<paramref name="withContext"/>) or without one. A
    /// <c>System.Threading.Timer</c>'s callback runs with one, like a work item on the thread pool stand-in, so that
    /// awaits in an async callback come back under Loom's control; a TimeProvider's timer completes tasks (a delay)
    /// and runs without one, so that <c>ConfigureAwait(false)</c> code in libraries resumes inline.
    /// </summary>
    internal SimTimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, bool withContext)
    {
        var timer = new SimTimer(this, callback, state, ExecutionContext.Capture(), LogicalThread.Current?.Owner) { WithContext = withContext };
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>
    /// Runs <paramref name="action"/> as a step named <paramref name="name"/> once <paramref name="after"/> has passed:
    /// the simulation's own events (a message delivery, a partition healing). <paramref name="owner"/>, asked when it
    /// fires, says whose work it is (the receiving node's), so that a crashed node receives nothing.
    /// </summary>
    internal SimTimer Schedule(TimeSpan after, Action action, string name, Func<IWorkOwner?>? owner = null)
    {
        var timer = SimTimer.ForSimulation(this, action, name, owner);
        timer.Change(after < TimeSpan.Zero ? TimeSpan.Zero : after, Timeout.InfiniteTimeSpan);
        return timer;
    }

    internal static void Validate(TimeSpan time, string parameter)
    {
        if ((time < TimeSpan.Zero && time != Timeout.InfiniteTimeSpan) || time > MaxTimeout)
            throw new ArgumentOutOfRangeException(parameter, time, $"The time must be Timeout.InfiniteTimeSpan or between zero and {MaxTimeout.TotalMilliseconds} milliseconds.");
    }

    /// <summary>Arms <paramref name="timer"/> to fire <paramref name="after"/> from now (or disarms it for infinite).</summary>
    internal void Arm(SimTimer timer, TimeSpan after)
    {
        Disarm(timer);
        if (after == Timeout.InfiniteTimeSpan)
            return;
        timer.Due = _now + after.Ticks;
        timer.Arming = ++_armings;
        timer.IsArmed = true;
        _live++;
        _armed.Enqueue(timer, (timer.Due, timer.Arming));
    }

    internal void Disarm(SimTimer timer)
    {
        if (!timer.IsArmed)
            return;
        timer.IsArmed = false;
        _live--;
    }

    /// <summary>Whether any timer or sleeper is waiting for time to pass.</summary>
    internal bool HasPending => _live > 0;

    /// <summary>
    /// Called when nothing can run: jumps to the earliest due time and fires every timer due then, each as its own
    /// step. Returns <see langword="false"/> if nothing waits for time.
    /// </summary>
    internal bool Advance()
    {
        while (_armed.TryPeek(out var head, out var key) && !IsCurrent(head, key.Arming))
            _armed.Dequeue();
        if (!_armed.TryPeek(out _, out var first))
            return false;
        _now = Math.Max(_now, first.Due);

        // Fire in the order they were armed, so the default schedule is stable; the strategy may reorder them.
        _due.Clear();
        while (_armed.TryPeek(out var timer, out var entry) && entry.Due <= _now)
        {
            _armed.Dequeue();
            if (!IsCurrent(timer, entry.Arming))
                continue;
            timer.IsArmed = false;
            _live--;
            _due.Add(timer);
        }
        foreach (var timer in _due)
            timer.Fire(_execution);
        _due.Clear();
        return true;
    }

    private static bool IsCurrent(SimTimer timer, long arming) => timer.IsArmed && timer.Arming == arming;
}
