using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Simulation;

namespace Loom.Interception;

/// <summary>
/// Stand-ins for <see cref="Timer"/>'s members. Inside a Loom execution <c>new Timer(...)</c> returns a real
/// <see cref="Timer"/> that never fires by itself, and arms a twin on the execution's virtual clock: when virtual
/// time reaches its due time, the callback runs as a step of its own (with Loom's synchronization context, as a work
/// item does, so awaits in an async callback stay under control), in an order the strategy chooses among timers due
/// together. <c>Change</c> and <c>Dispose</c> find the twin from the real instance. A timer made outside an
/// execution is the real one throughout.
/// </summary>
[PassesThrough("get_ActiveCount", "a process-wide statistic of real timers")]
[Intercepts(typeof(Timer))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TimerCalls
{
    private const string NewApi = "new Timer";
    private const string ChangeApi = "Timer.Change";
    private const string DisposeApi = "Timer.Dispose";

    /// <summary>The longest due time or period a timer accepts, in milliseconds, as for the real one.</summary>
    private const long MaxSupportedTimeout = 0xfffffffe;

    /// <summary>The virtual twin of each real timer made inside an execution.</summary>
    private static readonly ConditionalWeakTable<Timer, SimTimer> s_twins = new();

    /// <summary>Whether any timer was ever made inside an execution: until then no call looks for a twin.</summary>
    private static volatile bool s_anyTwins;

    /// <summary>Stands in for <see cref="Timer(TimerCallback)"/>: a disarmed timer whose callback's state is the timer itself.</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static Timer New(TimerCallback callback, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var timer = new Timer(callback);
        if (LoomRuntime.Controlled(NewApi, file, line) is { } me)
            Twin(me, timer, callback, timer, Timeout.Infinite, Timeout.Infinite, file, line);
        return timer;
    }

    /// <summary>Stands in for <see cref="Timer(TimerCallback, object?, int, int)"/>: inside an execution, on virtual time.</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is below <see cref="Timeout.Infinite"/>.</exception>
    public static Timer New(TimerCallback callback, object? state, int dueTime, int period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new Timer(callback, state, dueTime, period);
        Validate(dueTime, period);
        return Twinned(me, callback, state, dueTime, period, file, line);
    }

    /// <summary>Stands in for <see cref="Timer(TimerCallback, object?, long, long)"/>.</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is below <see cref="Timeout.Infinite"/> or above 4294967294.</exception>
    public static Timer New(TimerCallback callback, object? state, long dueTime, long period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new Timer(callback, state, dueTime, period);
        Validate(dueTime, period);
        return Twinned(me, callback, state, dueTime, period, file, line);
    }

    /// <summary>Stands in for <see cref="Timer(TimerCallback, object?, TimeSpan, TimeSpan)"/> (times are whole milliseconds, as for the real one).</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative other than infinite, or too large.</exception>
    public static Timer New(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled(NewApi, file, line) is not { } me)
            return new Timer(callback, state, dueTime, period);
        // In the real constructor's order: the due time, then the period.
        var (due, every) = ((long)dueTime.TotalMilliseconds, (long)period.TotalMilliseconds);
        Validate(due, Timeout.Infinite);
        Validate(Timeout.Infinite, every);
        return Twinned(me, callback, state, due, every, file, line);
    }

    /// <summary>Stands in for <see cref="Timer(TimerCallback, object?, uint, uint)"/> (<see cref="uint.MaxValue"/> is infinite).</summary>
    /// <returns>The timer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="callback"/> is <see langword="null"/>.</exception>
    public static Timer New(TimerCallback callback, object? state, uint dueTime, uint period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled(NewApi, file, line) is { } me
            ? Twinned(me, callback, state, Milliseconds(dueTime), Milliseconds(period), file, line)
            : new Timer(callback, state, dueTime, period);

    /// <summary>Stands in for <see cref="Timer.Change(int, int)"/>: a timer made inside an execution is re-armed on virtual time.</summary>
    /// <returns>Whether the timer was changed (<see langword="false"/> once disposed).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is below <see cref="Timeout.Infinite"/>.</exception>
    public static bool Change(Timer timer, int dueTime, int period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(timer) is not { } twin)
            return timer.Change(dueTime, period);
        Validate(dueTime, period);
        return Change(twin, dueTime, period, file, line);
    }

    /// <summary>Stands in for <see cref="Timer.Change(long, long)"/>.</summary>
    /// <returns>Whether the timer was changed (<see langword="false"/> once disposed).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is below <see cref="Timeout.Infinite"/> or above 4294967294.</exception>
    public static bool Change(Timer timer, long dueTime, long period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(timer) is not { } twin)
            return timer.Change(dueTime, period);
        Validate(dueTime, period);
        return Change(twin, dueTime, period, file, line);
    }

    /// <summary>Stands in for <see cref="Timer.Change(TimeSpan, TimeSpan)"/>.</summary>
    /// <returns>Whether the timer was changed (<see langword="false"/> once disposed).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative other than infinite, or too large.</exception>
    public static bool Change(Timer timer, TimeSpan dueTime, TimeSpan period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (TwinOf(timer) is not { } twin)
            return timer.Change(dueTime, period);
        var (due, every) = ((long)dueTime.TotalMilliseconds, (long)period.TotalMilliseconds);
        Validate(due, every);
        return Change(twin, due, every, file, line);
    }

    /// <summary>Stands in for <see cref="Timer.Change(uint, uint)"/> (<see cref="uint.MaxValue"/> is infinite).</summary>
    /// <returns>Whether the timer was changed (<see langword="false"/> once disposed).</returns>
    public static bool Change(Timer timer, uint dueTime, uint period, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TwinOf(timer) is { } twin
            ? Change(twin, Milliseconds(dueTime), Milliseconds(period), file, line)
            : timer.Change(dueTime, period);

    /// <summary>Stands in for <see cref="Timer.Dispose()"/>: a timer made inside an execution is disarmed; a callback already due still runs, as it may for real.</summary>
    public static void Dispose(Timer timer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        Disarm(timer, file, line);
        timer.Dispose();
    }

    /// <summary>Stands in for <see cref="Timer.Dispose(WaitHandle)"/>.</summary>
    /// <returns>Whether the timer was disposed by this call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="notifyObject"/> is <see langword="null"/>.</exception>
    public static bool Dispose(Timer timer, WaitHandle notifyObject, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (notifyObject is not null)
            Disarm(timer, file, line);
        return timer.Dispose(notifyObject!);
    }

    /// <summary>Stands in for <see cref="Timer.DisposeAsync"/>.</summary>
    /// <returns>A task that completes when the timer is disposed.</returns>
    public static ValueTask DisposeAsync(Timer timer, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        Disarm(timer, file, line);
        return timer.DisposeAsync();
    }

    private static Timer Twinned(LogicalThread me, TimerCallback callback, object? state, long dueTime, long period, string? file, int line)
    {
        // The real timer is made disarmed: it validates the callback, and never fires on the real pool.
        var timer = new Timer(callback, state, Timeout.Infinite, Timeout.Infinite);
        Twin(me, timer, callback, state, dueTime, period, file, line);
        return timer;
    }

    private static void Twin(LogicalThread me, Timer timer, TimerCallback callback, object? state, long dueTime, long period, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(NewApi, AccessKind.None, null, file, line));
        me.Execution.RecordValue(me, ToTimeSpan(dueTime));
        s_twins.AddOrUpdate(timer, me.Execution.Clock.CreateTimer(callback, state, ToTimeSpan(dueTime), ToTimeSpan(period), withContext: true));
        s_anyTwins = true;
    }

    private static SimTimer? TwinOf(Timer timer) =>
        s_anyTwins && timer is not null && s_twins.TryGetValue(timer, out var twin) ? twin : null;

    private static bool Change(SimTimer twin, long dueTime, long period, string? file, int line)
    {
        if (LoomRuntime.Controlled(ChangeApi, file, line) is { } me)
        {
            me.Execution.Schedule(me, new Operation(ChangeApi, AccessKind.None, null, file, line));
            me.Execution.RecordValue(me, ToTimeSpan(dueTime));
        }
        return twin.Change(ToTimeSpan(dueTime), ToTimeSpan(period));
    }

    private static void Disarm(Timer timer, string? file, int line)
    {
        if (TwinOf(timer) is not { } twin)
            return;
        if (LoomRuntime.Controlled(DisposeApi, file, line) is { } me)
            me.Execution.Schedule(me, new Operation(DisposeApi, AccessKind.None, null, file, line, OperationFlags.RunsDuringAbort));
        twin.Dispose();
    }

    /// <summary>Checks times as the real timer does, with the same exceptions.</summary>
    private static void Validate(long dueTime, long period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, Timeout.Infinite, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(period, Timeout.Infinite, nameof(period));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dueTime, MaxSupportedTimeout, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(period, MaxSupportedTimeout, nameof(period));
    }

    private static long Milliseconds(uint time) => time == uint.MaxValue ? Timeout.Infinite : time;

    private static TimeSpan ToTimeSpan(long milliseconds) =>
        milliseconds == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds);
}
