using System.Collections.Generic;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of one object's monitor: a reentrant lock with an owner and a recursion count, plus the queue of
/// threads in <c>Monitor.Wait</c> that no Pulse has released yet.
/// </summary>
internal sealed class MonitorState : ModelObject
{
    public MonitorState(Execution execution, string kind = "lock")
        : base(execution, kind)
    {
    }

    /// <summary>The thread holding the lock, or <see langword="null"/> when it is free.</summary>
    public LogicalThread? Owner { get; private set; }

    /// <summary>How many times the owner entered without exiting.</summary>
    public int Recursion { get; private set; }

    /// <summary>Where the owner first entered, for deadlock and leak reports.</summary>
    public string EnteredAt { get; private set; } = "";

    /// <summary>Threads waiting for a Pulse, in the order they began waiting (Pulse releases the first).</summary>
    private readonly List<LogicalThread> _waiters = new();

    /// <summary>Waiters with a finite timeout: they may give up waiting for a Pulse at any time.</summary>
    private readonly HashSet<LogicalThread> _timed = new();

    /// <summary>Saved recursion counts of waiting threads, restored when they reacquire.</summary>
    private readonly Dictionary<LogicalThread, int> _savedRecursion = new();

    public bool IsHeldBy(LogicalThread thread) => Owner == thread;

    public bool IsWaiting(LogicalThread thread) => _waiters.Contains(thread);

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op)
    {
        if (op.Access != AccessKind.Acquire)
            return true;
        if (_waiters.Contains(thread) && !_timed.Contains(thread))
            return false;
        return Owner is null || Owner == thread;
    }

    public void Enter(LogicalThread thread, string location)
    {
        if (Owner is null)
        {
            Owner = thread;
            EnteredAt = location;
        }
        Recursion++;
    }

    public void Exit()
    {
        if (--Recursion == 0)
            Owner = null;
    }

    /// <summary>Releases the lock entirely and joins the wait queue.</summary>
    public void BeginWait(LogicalThread thread, bool timed)
    {
        _savedRecursion[thread] = Recursion;
        Recursion = 0;
        Owner = null;
        _waiters.Add(thread);
        if (timed)
            _timed.Add(thread);
    }

    /// <summary>Reacquires after a wait; returns whether a Pulse released the thread (rather than its timeout).</summary>
    public bool EndWait(LogicalThread thread, string location)
    {
        var pulsed = !_waiters.Remove(thread);
        _timed.Remove(thread);
        Owner = thread;
        EnteredAt = location;
        Recursion = _savedRecursion[thread];
        _savedRecursion.Remove(thread);
        return pulsed;
    }

    /// <summary>Releases the longest-waiting thread, or every waiting thread.</summary>
    public void Pulse(bool all)
    {
        if (all)
            _waiters.Clear();
        else if (_waiters.Count > 0)
            _waiters.RemoveAt(0);
    }

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op)
    {
        if (_waiters.Contains(thread))
            return $"waiting for a Pulse on {this}";
        return Owner is null ? $"waiting for {this}" : $"waiting for {this}, held by {Owner.Label} (entered at {EnteredAt})";
    }

    /// <inheritdoc />
    public override string? DescribeLeak() =>
        Owner is null ? null : $"{Owner.Label} still holds {this} (entered at {EnteredAt})";
}
