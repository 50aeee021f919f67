using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.ReaderWriterLockSlim"/>, with its recursion rules and exceptions,
/// shared by the <see cref="Loom.Threading.ReaderWriterLockSlim"/> mirror (on its real lock) and the stand-ins for the
/// real type (Loom.Interception.ReaderWriterLockSlimCalls): entering and exiting are scheduling points on the lock's
/// <see cref="ReaderWriterLockState"/>. The model starts free in every execution, with the real lock's recursion
/// policy and disposal; the real lock is never taken inside an execution.
/// </summary>
internal static class ReaderWriterLockModel
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_fDisposed")]
    private static extern ref bool DisposedOf(System.Threading.ReaderWriterLockSlim rwls);

    /// <summary>Releases the read lock once.</summary>
    public static void ExitReadLock(LogicalThread me, System.Threading.ReaderWriterLockSlim real, string? file, int line)
    {
        var state = State(me, real);
        if (state.ReadCount(me) == 0 && !me.Execution.Aborting)
            throw new SynchronizationLockException("The read lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitReadLock", file, line))
            state.ExitRead(me);
    }

    /// <summary>Releases the write lock once; a thread that upgraded goes back to upgradeable mode.</summary>
    public static void ExitWriteLock(LogicalThread me, System.Threading.ReaderWriterLockSlim real, string? file, int line)
    {
        var state = State(me, real);
        if (state.Writer != me && !me.Execution.Aborting)
            throw new SynchronizationLockException("The write lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitWriteLock", file, line))
            state.ExitWrite();
    }

    /// <summary>Releases the upgradeable read lock once.</summary>
    public static void ExitUpgradeableReadLock(LogicalThread me, System.Threading.ReaderWriterLockSlim real, string? file, int line)
    {
        var state = State(me, real);
        if (state.Upgrader != me && !me.Execution.Aborting)
            throw new SynchronizationLockException("The upgradeable lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitUpgradeableReadLock", file, line))
            state.ExitUpgradeable();
    }

    /// <summary>Disposes the lock in the model, with .NET's checks; later enters in this execution throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose(LogicalThread me, System.Threading.ReaderWriterLockSlim real)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "ReaderWriterLockSlim.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting || state.Disposed)
            return;
        if (state.HasBlockedWaiters || state.WaitingWriters.Count > 0 || state.WaitingUpgrader is not null || state.HoldsAny(me))
            throw new SynchronizationLockException("The lock is being disposed while still being used. It either is being held by a thread and/or has active waiters waiting to acquire the lock.");
        state.Disposed = true;
    }

    public static bool EnterRead(LogicalThread me, System.Threading.ReaderWriterLockSlim real, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me, real);
        bool immediate;
        if (!state.SupportsRecursion)
        {
            if (state.Writer == me)
                throw new LockRecursionException("A read lock may not be acquired with the write lock held in this mode.");
            if (state.ReadCount(me) > 0)
                throw new LockRecursionException("Recursive read lock acquisitions not allowed in this mode.");
            immediate = state.Upgrader == me;
        }
        else
        {
            immediate = state.ReadCount(me) > 0 || state.Upgrader == me || state.Writer == me;
        }
        if (!Acquire(me, real, state, ReaderWriterLockState.ReadRequest, immediate, millisecondsTimeout, api, file, line))
            return false;
        state.EnterRead(me, Blocking.Where(file, line));
        return true;
    }

    public static bool EnterUpgradeable(LogicalThread me, System.Threading.ReaderWriterLockSlim real, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me, real);
        bool immediate;
        if (!state.SupportsRecursion)
        {
            if (state.Upgrader == me)
                throw new LockRecursionException("Recursive upgradeable lock acquisitions not allowed in this mode.");
            if (state.Writer == me)
                throw new LockRecursionException("Upgradeable lock may not be acquired with write lock held in this mode. Acquiring Upgradeable lock gives the ability to read along with an option to upgrade to a writer.");
            if (state.ReadCount(me) > 0)
                throw UpgradeAfterRead();
            immediate = false;
        }
        else
        {
            immediate = state.Upgrader == me || state.Writer == me;
            if (!immediate && state.ReadCount(me) > 0)
                throw UpgradeAfterRead();
        }
        if (!Acquire(me, real, state, ReaderWriterLockState.UpgradeableRequest, immediate, millisecondsTimeout, api, file, line))
            return false;
        state.EnterUpgradeable(me, Blocking.Where(file, line));
        return true;
    }

    public static bool EnterWrite(LogicalThread me, System.Threading.ReaderWriterLockSlim real, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me, real);
        if (state.Writer == me)
        {
            if (!state.SupportsRecursion)
                throw new LockRecursionException("Recursive write lock acquisitions not allowed in this mode.");
            Acquire(me, real, state, ReaderWriterLockState.WriteRequest, immediate: true, millisecondsTimeout, api, file, line);
            state.EnterWrite(me, Blocking.Where(file, line));
            return true;
        }
        var upgrading = state.Upgrader == me;
        if (state.ReadCount(me) > 0 && !(upgrading && state.SupportsRecursion))
        {
            throw new LockRecursionException(
                "Write lock may not be acquired with read lock held. This pattern is prone to deadlocks. Please ensure that read locks are released before taking a write lock. If an upgrade is necessary, use an upgrade lock in place of the read lock.");
        }
        var request = upgrading ? ReaderWriterLockState.UpgradeToWriteRequest : ReaderWriterLockState.WriteRequest;
        var location = Blocking.Where(file, line);

        // Whether it enters at once or must wait (keeping new readers out from then on) depends on every other
        // operation on the lock, exits included: a write.
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.CanEnter(me, request))
        {
            state.EnterWrite(me, location);
            return millisecondsTimeout == Timeout.Infinite || Blocking.Outcome(me, true);
        }
        if (millisecondsTimeout != Timeout.Infinite)
            return Blocking.Outcome(me, false);
        state.AnnounceWriter(me, upgrading);
        Blocking.Record(me, "waiting");
        // Exclusive: it goes on only once every holder has exited, so it is ordered after the exit that let it in.
        Blocking.Wait(me, state, api, AccessKind.Acquire, request, CancellationToken.None, file, line);
        ThrowIfDisposed(state, real);
        state.EnterWrite(me, location);
        return true;
    }

    /// <summary>
    /// The scheduling point of a read or upgradeable enter (or a re-entry): blocking until the request can be
    /// granted for an untimed enter, a try for a timed one. These are writes, not acquires: partial-order reduction
    /// orders an acquire after the release before it, as if that release had let it in, which holds for exclusive
    /// ownership but not for readers, who share the lock. As writes they are tried on both sides of every exit, so
    /// readers that overlap are explored.
    /// </summary>
    private static bool Acquire(LogicalThread me, System.Threading.ReaderWriterLockSlim real, ReaderWriterLockState state, long request, bool immediate, int millisecondsTimeout, string api, string? file, int line)
    {
        if (immediate)
        {
            Blocking.Step(me, state, api, AccessKind.Write, file, line);
            ThrowIfDisposed(state, real);
            return millisecondsTimeout == Timeout.Infinite || Blocking.Outcome(me, true);
        }
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Blocking.Wait(me, state, api, AccessKind.Write, request, CancellationToken.None, file, line);
            ThrowIfDisposed(state, real);
            return true;
        }
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        return Blocking.Outcome(me, state.CanEnter(me, request));
    }

    /// <summary>The scheduling point of an exit; returns whether the caller should update the model (not during teardown).</summary>
    private static bool Exit(LogicalThread me, ReaderWriterLockState state, string api, string? file, int line)
    {
        Blocking.Step(me, state, api, AccessKind.Release, file, line, OperationFlags.RunsDuringAbort);
        return !me.Execution.Aborting;
    }

    public static T Own<T>(LogicalThread me, System.Threading.ReaderWriterLockSlim real, Func<ReaderWriterLockState, LogicalThread, T> model) => model(State(me, real), me);

    public static T Shared<T>(LogicalThread me, System.Threading.ReaderWriterLockSlim real, string api, Func<ReaderWriterLockState, T> model)
    {
        var state = State(me, real);
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, model(state));
    }

    public static int Validate(int millisecondsTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        return millisecondsTimeout;
    }

    private static LockRecursionException UpgradeAfterRead() => new("Upgradeable lock may not be acquired with read lock held.");

    private static void ThrowIfDisposed(ReaderWriterLockState state, System.Threading.ReaderWriterLockSlim real) => ObjectDisposedException.ThrowIf(state.Disposed, real);

    /// <summary>The lock's model in the calling thread's execution, made on first use from the real lock's recursion policy and disposal (it starts free: holds by real threads are not carried in).</summary>
    public static ReaderWriterLockState State(LogicalThread me, System.Threading.ReaderWriterLockSlim real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var rwls = (System.Threading.ReaderWriterLockSlim)key;
            return new ReaderWriterLockState(execution, rwls.RecursionPolicy == LockRecursionPolicy.SupportsRecursion) { Disposed = DisposedOf(rwls) };
        });
}
