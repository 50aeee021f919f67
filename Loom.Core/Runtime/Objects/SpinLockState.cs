namespace Loom.Runtime.Objects;

/// <summary>
/// The model of one SpinLock: held or not, and by whom. It is not reentrant: a thread that enters a lock it holds
/// blocks on itself (with owner tracking the mirror throws LockRecursionException before that can happen).
/// </summary>
internal sealed class SpinLockState : ModelObject
{
    public SpinLockState(Execution execution, bool ownerTracking)
        : base(execution, "SpinLock")
    {
        OwnerTracking = ownerTracking;
    }

    /// <summary>Whether the lock checks its owner (the BCL's enableThreadOwnerTracking).</summary>
    public bool OwnerTracking { get; }

    /// <summary>The thread that entered the lock, or <see langword="null"/> when it is free.</summary>
    public LogicalThread? Owner { get; private set; }

    /// <summary>Where the owner entered, for deadlock and leak reports.</summary>
    public string EnteredAt { get; private set; } = "";

    public bool IsHeld => Owner is not null;

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) => op.Access != AccessKind.Acquire || Owner is null;

    public void Enter(LogicalThread thread, string location)
    {
        Owner = thread;
        EnteredAt = location;
    }

    public void Exit() => Owner = null;

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op)
    {
        if (Owner == thread)
            return $"waiting for {this}, which it holds itself (entered at {EnteredAt}); a SpinLock is not reentrant, and without owner tracking entering it twice deadlocks";
        return Owner is null ? $"waiting for {this}" : $"waiting for {this}, held by {Owner.Label} (entered at {EnteredAt})";
    }

    /// <inheritdoc />
    public override string? DescribeLeak() =>
        Owner is null ? null : $"{Owner.Label} still holds {this} (entered at {EnteredAt})";
}
