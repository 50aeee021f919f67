namespace Loom.Runtime.Objects;

/// <summary>
/// The model of one SpinLock: held or not, and by whom. It is not reentrant: a thread that enters a lock it holds
/// blocks on itself (with owner tracking the mirror throws LockRecursionException before that can happen).
/// </summary>
internal sealed class SpinLockState : ModelObject
{
    public SpinLockState(Execution execution, bool ownerTracking, bool heldOutside = false)
        : base(execution, "SpinLock")
    {
        OwnerTracking = ownerTracking;
        HeldOutside = heldOutside;
    }

    /// <summary>
    /// Whether the real lock was held when the execution first used it, by a thread outside the execution: no
    /// logical thread owns it, and only an exit (without owner tracking) frees it.
    /// </summary>
    public bool HeldOutside { get; private set; }

    /// <summary>Whether the lock checks its owner (the BCL's enableThreadOwnerTracking).</summary>
    public bool OwnerTracking { get; }

    /// <summary>The thread that entered the lock, or <see langword="null"/> when it is free.</summary>
    public LogicalThread? Owner { get; private set; }

    /// <summary>Where the owner entered, for deadlock and leak reports.</summary>
    public string EnteredAt { get; private set; } = "";

    public bool IsHeld => Owner is not null || HeldOutside;

    /// <inheritdoc />
    public override bool CanProceed(LogicalThread thread, in Operation op) => op.Access != AccessKind.Acquire || !IsHeld;

    public void Enter(LogicalThread thread, string location)
    {
        Owner = thread;
        EnteredAt = location;
    }

    public void Exit()
    {
        Owner = null;
        HeldOutside = false;
    }

    /// <inheritdoc />
    public override string DescribeBlocked(LogicalThread thread, in Operation op)
    {
        if (Owner == thread)
            return $"waiting for {this}, which it holds itself (entered at {EnteredAt}); a SpinLock is not reentrant, and without owner tracking entering it twice deadlocks";
        if (HeldOutside)
            return $"waiting for {this}, which was already held when the execution first used it, by a thread outside the execution";
        return Owner is null ? $"waiting for {this}" : $"waiting for {this}, held by {Owner.Label} (entered at {EnteredAt})";
    }

    /// <inheritdoc />
    public override string? DescribeLeak() =>
        Owner is null ? null : $"{Owner.Label} still holds {this} (entered at {EnteredAt})";
}
