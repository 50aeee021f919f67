using System;
using System.Collections.Generic;
using System.Linq;

namespace Loom.Runtime.Objects;

/// <summary>
/// The model of a Barrier: its participants, who has arrived in the current phase, and the phase number. A thread
/// that arrived waits (its request is the phase it arrived in) until the phase number passes it.
/// </summary>
internal sealed class BarrierState : WaitableObject
{
    private readonly List<LogicalThread> _arrived = new();

    public BarrierState(Execution execution, int participantCount)
        : base(execution, "Barrier")
    {
        ParticipantCount = participantCount;
    }

    /// <summary>The registered participants.</summary>
    public int ParticipantCount { get; set; }

    /// <summary>How many participants have signalled in the current phase.</summary>
    public int Arrived => _arrived.Count;

    /// <summary>The current phase; it increments when the last participant arrives (after the post-phase action).</summary>
    public long Phase { get; set; }

    /// <summary>
    /// The thread running the post-phase action, or <see langword="null"/>. While it runs, the phase has all its
    /// participants but its number has not moved on yet.
    /// </summary>
    public LogicalThread? ActionRunner { get; set; }

    /// <summary>What the last post-phase action threw, which every participant of that phase rethrows.</summary>
    public Exception? ActionException { get; set; }

    /// <summary>Whether Dispose ran in this execution.</summary>
    public bool Disposed { get; set; }

    /// <summary>Whether real threads were waiting at the real barrier when the execution first used it, which the model cannot represent.</summary>
    public bool ArrivedOutside { get; init; }

    public void Arrive(LogicalThread thread) => _arrived.Add(thread);

    /// <summary>Withdraws a participant's arrival (its wait timed out or was cancelled before the phase ended).</summary>
    public void Withdraw(LogicalThread thread) => _arrived.Remove(thread);

    /// <summary>Starts a new phase's arrivals: the last participant has arrived.</summary>
    public void ClearArrivals() => _arrived.Clear();

    /// <inheritdoc />
    protected override bool CanGrant(LogicalThread thread, long request) => Phase > request;

    /// <inheritdoc />
    protected override string DescribeWait(LogicalThread thread, long request)
    {
        if (ActionRunner is not null)
            return $"waiting for {this} to finish phase {request}; {ActionRunner.Label} is running its post-phase action";
        var arrived = string.Join(", ", _arrived.OrderBy(t => t.Number).Select(t => t.Label));
        return $"waiting at {this} for phase {request} to end: {Arrived} of {ParticipantCount} participants have arrived ({arrived})";
    }
}
