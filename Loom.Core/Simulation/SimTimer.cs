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

    /// <summary>What the thread that last armed the timer had seen: its callback happens after that.</summary>
    private Exploration.VectorClock? _armedBy;
    private readonly TimerCallback? _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;

    /// <summary>The simulated node whose code created the timer: its callbacks are that node's work.</summary>
    private readonly IWorkOwner? _owner;

    /// <summary>For the simulation's own timers (message deliveries): the work to run and who owns it when it fires.</summary>
    private readonly Action? _action;
    private readonly Func<IWorkOwner?>? _ownerAtFire;
    private readonly string? _name;

    private TimeSpan _period = Timeout.InfiniteTimeSpan;
    private bool _disposed;

    public SimTimer(SimClock clock, TimerCallback? callback, object? state, ExecutionContext? context, IWorkOwner? owner = null)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        _context = context;
        _owner = owner;
    }

    private SimTimer(SimClock clock, Action action, string name, Func<IWorkOwner?>? ownerAtFire)
    {
        _clock = clock;
        _action = action;
        _name = name;
        _ownerAtFire = ownerAtFire;
    }

    /// <summary>A one-shot timer of the simulation itself, whose work is named <paramref name="name"/> in traces.</summary>
    public static SimTimer ForSimulation(SimClock clock, Action action, string name, Func<IWorkOwner?>? ownerAtFire) =>
        new(clock, action, name, ownerAtFire);

    /// <summary>The virtual time (ticks since the execution's start) the timer fires at.</summary>
    public long Due { get; set; }

    /// <summary>When the timer was last armed, to order timers that fall due together.</summary>
    public long Arming { get; set; }

    /// <summary>Whether the timer is armed on its clock now.</summary>
    public bool IsArmed { get; set; }

    /// <summary>
    /// Whether the callback runs with the synchronization context of the work item it runs in (a
    /// <c>System.Threading.Timer</c>'s), rather than without one (see <see cref="SimClock.CreateTimer(TimerCallback, object?, TimeSpan, TimeSpan, bool)"/>).
    /// </summary>
    public bool WithContext { get; init; }

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
        if (LogicalThread.Current is { } arming && arming.Execution == _clock.Execution)
            _armedBy = arming.Execution.Memory.Snapshot(arming);
        _clock.Arm(this, dueTime);
        return true;
    }

    /// <summary>Runs the callback as a new step; re-arms a periodic timer.</summary>
    public void Fire(Execution execution)
    {
        Fired = true;
        var owner = _ownerAtFire is null ? _owner : _ownerAtFire();
        if (owner is { IsAlive: false })
        {
            // Its node crashed: the timer went with the node's memory.
            _disposed = true;
            return;
        }
        if (_period != Timeout.InfiniteTimeSpan)
            _clock.Arm(this, _period);
        if (_action is not null)
        {
            var action = _action;
            execution.QueueWork(() => ContextFree.Run(action), WorkName.Of(_name!), "simulation", owner, _armedBy);
            return;
        }
        if (_callback is null)
            return;
        var callback = _callback;
        var state = _state;
        var context = _context;
        // The callback runs without a synchronization context, so that what it completes (the task of a Task.Delay)
        // resumes ConfigureAwait(false) code inline rather than on the real thread pool.
        Action call = context is null
            ? () => callback(state)
            : () => ExecutionContext.Run(context, static s => { var (c, st) = ((TimerCallback, object?))s!; c(st); }, (callback, state));
        Action run = WithContext ? call : () => ContextFree.Run(call);
        execution.QueueWork(run, WorkName.OfTimer(callback), "timer fires", owner, _armedBy);
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
