using System;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.SpinLock"/>, shared by the <see cref="Loom.Threading.SpinLock"/> mirror
/// (on the real spin lock it holds) and the stand-ins for the real struct (Loom.Interception.SpinLockCalls): a
/// non-reentrant lock whose enter and exit are scheduling points; a thread waiting for a held lock is blocked rather
/// than spinning.
/// <para>
/// A SpinLock is a struct, so it has no object identity: its model is keyed by the address of the storage location
/// the caller passes by reference (the field or array element that holds it), as the locations of Interlocked are.
/// Each storage location is its own lock; a copy is another lock, which starts from the state the copy had. A garbage
/// collection that moves the struct restarts the execution (deterministically), as for every location keyed by address.
/// The model starts from the real lock's owner tracking and whether it is held when the execution first uses it (a
/// lock held then is held by no logical thread, so only an exit without owner tracking frees it); the real lock is
/// never taken inside an execution.
/// </para>
/// </summary>
internal static class SpinLockModel
{
    /// <summary>The lock's model in the calling thread's execution, keyed by the address of <paramref name="real"/>.</summary>
    public static SpinLockState State(LogicalThread me, ref System.Threading.SpinLock real)
    {
        var location = me.Execution.LocationOf(me, ref real, "SpinLock", null);
        var tracking = real.IsThreadOwnerTrackingEnabled;
        var held = real.IsHeld;
        return me.Execution.ModelOf(location, (execution, _) => new SpinLockState(execution, tracking, held));
    }

    /// <summary>Whether any thread holds the lock: a scheduling point.</summary>
    public static bool IsHeld(LogicalThread me, ref System.Threading.SpinLock real)
    {
        var state = State(me, ref real);
        Blocking.Step(me, state, "SpinLock.IsHeld", AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, state.IsHeld);
    }

    /// <summary>Whether the calling thread holds the lock; not a scheduling point (only it can change the answer).</summary>
    /// <exception cref="InvalidOperationException">Owner tracking is disabled.</exception>
    public static bool IsHeldByCurrentThread(LogicalThread me, ref System.Threading.SpinLock real)
    {
        if (!real.IsThreadOwnerTrackingEnabled)
            throw new InvalidOperationException("Thread tracking is disabled.");
        return State(me, ref real).Owner == me;
    }

    /// <summary>Takes the lock, blocking while another thread holds it; with a timeout, <see cref="TryEnter"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the calling thread already holds the lock.</exception>
    public static void Enter(LogicalThread me, ref System.Threading.SpinLock real, ref bool lockTaken, string api, string? file, int line)
    {
        CheckLockTaken(ref lockTaken);
        var state = State(me, ref real);
        CheckRecursion(me, state);
        Blocking.Step(me, state, api, AccessKind.Acquire, file, line);
        state.Enter(me, Blocking.Where(file, line));
        lockTaken = true;
    }

    /// <summary>
    /// Takes the lock with a timeout. A finite timeout never blocks: the lock is taken if it is free when the
    /// scheduler runs the call, and otherwise the call times out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the calling thread already holds the lock.</exception>
    public static void TryEnter(LogicalThread me, ref System.Threading.SpinLock real, int millisecondsTimeout, ref bool lockTaken, string? file, int line)
    {
        CheckLockTaken(ref lockTaken);
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The timeout must be a value between -1 and Int32.MaxValue, inclusive.");
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Enter(me, ref real, ref lockTaken, "SpinLock.TryEnter", file, line);
            return;
        }
        var state = State(me, ref real);
        CheckRecursion(me, state);
        // It fails or succeeds depending on whether another thread holds the lock: it conflicts with exits too.
        Blocking.Step(me, state, "SpinLock.TryEnter", AccessKind.Write, file, line);
        if (state.IsHeld)
        {
            lockTaken = Blocking.Outcome(me, false);
            return;
        }
        state.Enter(me, Blocking.Where(file, line));
        lockTaken = Blocking.Outcome(me, true);
    }

    /// <summary>Releases the lock. Inside an execution every release is ordered as a release fence.</summary>
    /// <exception cref="SynchronizationLockException">Owner tracking is enabled and the calling thread does not hold the lock.</exception>
    public static void Exit(LogicalThread me, ref System.Threading.SpinLock real, string? file, int line)
    {
        var state = State(me, ref real);
        if (state.OwnerTracking && state.Owner != me && !me.Execution.Aborting)
            throw new SynchronizationLockException($"The calling thread does not hold the lock ({me.Label} does not hold {state}).");
        Blocking.Step(me, state, "SpinLock.Exit", AccessKind.Release, file, line, OperationFlags.RunsDuringAbort);
        // Without owner tracking any thread may exit, even when the lock is free, as in .NET.
        if (!me.Execution.Aborting)
            state.Exit();
    }

    private static void CheckRecursion(LogicalThread me, SpinLockState state)
    {
        if (state.OwnerTracking && state.Owner == me)
            throw new LockRecursionException("The calling thread already holds the lock.");
    }

    private static void CheckLockTaken(ref bool lockTaken)
    {
        if (!lockTaken)
            return;
        lockTaken = false;
        throw new ArgumentException("The tookLock argument must be set to false before calling this method.");
    }
}
