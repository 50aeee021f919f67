using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.ReaderWriterLockSlim"/>, with its recursion rules and exceptions. Inside a
/// Loom execution entering and exiting are scheduling points on the lock's model: any number of readers or one
/// writer; one thread at most in upgradeable mode; and writer preference (a waiting writer keeps new readers out).
/// A thread waiting for a lock that is never released is reported as a deadlock, and a lock still held when the
/// test body returns is reported too. Elsewhere every member is the real lock's. Each execution sees the lock as
/// constructed.
/// <para>
/// As in .NET, a thread holding the read lock cannot take the write lock (it throws
/// <see cref="LockRecursionException"/>, which Loom reports): two readers that both upgrade would deadlock. Take
/// the upgradeable read lock instead, which only one thread can hold at a time.
/// </para>
/// </summary>
public class ReaderWriterLockSlim : IDisposable
{
    private readonly System.Threading.ReaderWriterLockSlim _real;
    private readonly LockRecursionPolicy _policy;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim()"/>: a lock without recursion.</summary>
    public ReaderWriterLockSlim()
        : this(LockRecursionPolicy.NoRecursion)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim(LockRecursionPolicy)"/>.</summary>
    /// <param name="recursionPolicy">Whether a thread may enter a mode it already holds.</param>
    public ReaderWriterLockSlim(LockRecursionPolicy recursionPolicy)
    {
        _real = new System.Threading.ReaderWriterLockSlim(recursionPolicy);
        _policy = recursionPolicy;
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursionPolicy"/>.</summary>
    public LockRecursionPolicy RecursionPolicy => _policy;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsReadLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsReadLockHeld => Own("ReaderWriterLockSlim.IsReadLockHeld", static (state, me) => state.ReadCount(me) > 0, static real => real.IsReadLockHeld);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsUpgradeableReadLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsUpgradeableReadLockHeld => Own("ReaderWriterLockSlim.IsUpgradeableReadLockHeld", static (state, me) => state.Upgrader == me, static real => real.IsUpgradeableReadLockHeld);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsWriteLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsWriteLockHeld => Own("ReaderWriterLockSlim.IsWriteLockHeld", static (state, me) => state.Writer == me, static real => real.IsWriteLockHeld);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveReadCount"/>: how many times the current thread holds the read lock.</summary>
    public int RecursiveReadCount => Own("ReaderWriterLockSlim.RecursiveReadCount", static (state, me) => state.ReadCount(me), static real => real.RecursiveReadCount);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveUpgradeCount"/>: how many times the current thread holds the upgradeable read lock.</summary>
    public int RecursiveUpgradeCount => Own("ReaderWriterLockSlim.RecursiveUpgradeCount", static (state, me) => state.Upgrader == me ? state.UpgradeCount : 0, static real => real.RecursiveUpgradeCount);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveWriteCount"/>: how many times the current thread holds the write lock.</summary>
    public int RecursiveWriteCount => Own("ReaderWriterLockSlim.RecursiveWriteCount", static (state, me) => state.Writer == me ? state.WriteCount : 0, static real => real.RecursiveWriteCount);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.CurrentReadCount"/>: how many threads hold the read lock. Inside an execution, a scheduling point.</summary>
    public int CurrentReadCount => Shared("ReaderWriterLockSlim.CurrentReadCount", static state => state.ReaderCount, static real => real.CurrentReadCount);

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingReadCount"/>. Inside an execution, a
    /// scheduling point that counts the threads blocked in EnterReadLock at that moment.
    /// </summary>
    public int WaitingReadCount => Shared("ReaderWriterLockSlim.WaitingReadCount", static state => state.CountWaiting(ReaderWriterLockState.ReadRequest), static real => real.WaitingReadCount);

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingUpgradeCount"/>. Inside an execution, a
    /// scheduling point that counts the threads blocked in EnterUpgradeableReadLock at that moment.
    /// </summary>
    public int WaitingUpgradeCount => Shared("ReaderWriterLockSlim.WaitingUpgradeCount", static state => state.CountWaiting(ReaderWriterLockState.UpgradeableRequest), static real => real.WaitingUpgradeCount);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingWriteCount"/>. Inside an execution, a scheduling point.</summary>
    public int WaitingWriteCount => Shared("ReaderWriterLockSlim.WaitingWriteCount", static state => state.WaitingWriters.Count, static real => real.WaitingWriteCount);

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.EnterReadLock()"/>: takes the read lock, waiting while a writer holds the lock or waits for it.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="LockRecursionException">The recursion policy forbids taking the read lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public void EnterReadLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterReadLock", file, line) is { } me)
            EnterRead(me, Timeout.Infinite, "ReaderWriterLockSlim.EnterReadLock", file, line);
        else
            _real.EnterReadLock();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterReadLock(int)"/>. Inside an execution a
    /// finite timeout never blocks: the lock is taken if it can be when the scheduler runs the call, and otherwise the call times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the read lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="LockRecursionException">The recursion policy forbids taking the read lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterReadLock(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterReadLock", file, line) is { } me)
            return EnterRead(me, Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterReadLock", file, line);
        return _real.TryEnterReadLock(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterReadLock(TimeSpan)"/>; see <see cref="TryEnterReadLock(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the read lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="LockRecursionException">The recursion policy forbids taking the read lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterReadLock(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterReadLock", file, line) is { } me)
            return EnterRead(me, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterReadLock", file, line);
        return _real.TryEnterReadLock(timeout);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.EnterWriteLock()"/>: takes the write lock, waiting
    /// while any other thread holds the lock. A thread in upgradeable mode upgrades, waiting for the readers to leave.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the write lock again.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public void EnterWriteLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterWriteLock", file, line) is { } me)
            EnterWrite(me, Timeout.Infinite, "ReaderWriterLockSlim.EnterWriteLock", file, line);
        else
            _real.EnterWriteLock();
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterWriteLock(int)"/>; see <see cref="TryEnterReadLock(int, string?, int)"/> for timeouts.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the write lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the write lock again.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterWriteLock(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterWriteLock", file, line) is { } me)
            return EnterWrite(me, Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterWriteLock", file, line);
        return _real.TryEnterWriteLock(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterWriteLock(TimeSpan)"/>; see <see cref="TryEnterWriteLock(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the write lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the write lock again.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterWriteLock(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterWriteLock", file, line) is { } me)
            return EnterWrite(me, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterWriteLock", file, line);
        return _real.TryEnterWriteLock(timeout);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.EnterUpgradeableReadLock()"/>: takes the upgradeable
    /// read lock, which reads alongside readers, may later upgrade to the write lock, and is held by one thread at a time.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the upgradeable lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public void EnterUpgradeableReadLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterUpgradeableReadLock", file, line) is { } me)
            EnterUpgradeable(me, Timeout.Infinite, "ReaderWriterLockSlim.EnterUpgradeableReadLock", file, line);
        else
            _real.EnterUpgradeableReadLock();
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterUpgradeableReadLock(int)"/>; see <see cref="TryEnterReadLock(int, string?, int)"/> for timeouts.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the upgradeable read lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the upgradeable lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterUpgradeableReadLock(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line) is { } me)
            return EnterUpgradeable(me, Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line);
        return _real.TryEnterUpgradeableReadLock(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.TryEnterUpgradeableReadLock(TimeSpan)"/>; see <see cref="TryEnterUpgradeableReadLock(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the upgradeable read lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="LockRecursionException">This thread holds the read lock, or the recursion policy forbids taking the upgradeable lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public bool TryEnterUpgradeableReadLock(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line) is { } me)
            return EnterUpgradeable(me, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line);
        return _real.TryEnterUpgradeableReadLock(timeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.ExitReadLock()"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the read lock.</exception>
    public void ExitReadLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitReadLock", file, line) is not { } me)
        {
            _real.ExitReadLock();
            return;
        }
        var state = State(me);
        if (state.ReadCount(me) == 0 && !me.Execution.Aborting)
            throw new SynchronizationLockException("The read lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitReadLock", file, line))
            state.ExitRead(me);
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.ExitWriteLock()"/>. A thread that upgraded goes back to upgradeable mode.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the write lock.</exception>
    public void ExitWriteLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitWriteLock", file, line) is not { } me)
        {
            _real.ExitWriteLock();
            return;
        }
        var state = State(me);
        if (state.Writer != me && !me.Execution.Aborting)
            throw new SynchronizationLockException("The write lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitWriteLock", file, line))
            state.ExitWrite();
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.ExitUpgradeableReadLock()"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the upgradeable read lock.</exception>
    public void ExitUpgradeableReadLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitUpgradeableReadLock", file, line) is not { } me)
        {
            _real.ExitUpgradeableReadLock();
            return;
        }
        var state = State(me);
        if (state.Upgrader != me && !me.Execution.Aborting)
            throw new SynchronizationLockException("The upgradeable lock is being released without being held.");
        if (Exit(me, state, "ReaderWriterLockSlim.ExitUpgradeableReadLock", file, line))
            state.ExitUpgradeable();
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.Dispose()"/>. Inside an execution, later Enter calls throw <see cref="ObjectDisposedException"/>.</summary>
    /// <exception cref="SynchronizationLockException">The current thread holds the lock, or threads are waiting for it.</exception>
    public void Dispose()
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.Dispose", null, 0) is not { } me)
        {
            _real.Dispose();
            return;
        }
        var state = State(me);
        Blocking.Step(me, state, "ReaderWriterLockSlim.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting || state.Disposed)
            return;
        if (state.HasBlockedWaiters || state.WaitingWriters.Count > 0 || state.WaitingUpgrader is not null || state.HoldsAny(me))
            throw new SynchronizationLockException("The lock is being disposed while still being used. It either is being held by a thread and/or has active waiters waiting to acquire the lock.");
        state.Disposed = true;
    }

    private bool EnterRead(LogicalThread me, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me);
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
        if (!Acquire(me, state, ReaderWriterLockState.ReadRequest, immediate, millisecondsTimeout, api, file, line))
            return false;
        state.EnterRead(me, Blocking.Where(file, line));
        return true;
    }

    private bool EnterUpgradeable(LogicalThread me, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me);
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
        if (!Acquire(me, state, ReaderWriterLockState.UpgradeableRequest, immediate, millisecondsTimeout, api, file, line))
            return false;
        state.EnterUpgradeable(me, Blocking.Where(file, line));
        return true;
    }

    private bool EnterWrite(LogicalThread me, int millisecondsTimeout, string api, string? file, int line)
    {
        var state = State(me);
        if (state.Writer == me)
        {
            if (!state.SupportsRecursion)
                throw new LockRecursionException("Recursive write lock acquisitions not allowed in this mode.");
            Acquire(me, state, ReaderWriterLockState.WriteRequest, immediate: true, millisecondsTimeout, api, file, line);
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
        ThrowIfDisposed(state);
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
        ThrowIfDisposed(state);
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
    private bool Acquire(LogicalThread me, ReaderWriterLockState state, long request, bool immediate, int millisecondsTimeout, string api, string? file, int line)
    {
        if (immediate)
        {
            Blocking.Step(me, state, api, AccessKind.Write, file, line);
            ThrowIfDisposed(state);
            return millisecondsTimeout == Timeout.Infinite || Blocking.Outcome(me, true);
        }
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Blocking.Wait(me, state, api, AccessKind.Write, request, CancellationToken.None, file, line);
            ThrowIfDisposed(state);
            return true;
        }
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        ThrowIfDisposed(state);
        return Blocking.Outcome(me, state.CanEnter(me, request));
    }

    /// <summary>The scheduling point of an exit; returns whether the caller should update the model (not during teardown).</summary>
    private static bool Exit(LogicalThread me, ReaderWriterLockState state, string api, string? file, int line)
    {
        Blocking.Step(me, state, api, AccessKind.Release, file, line, OperationFlags.RunsDuringAbort);
        return !me.Execution.Aborting;
    }

    private T Own<T>(string api, Func<ReaderWriterLockState, LogicalThread, T> model, Func<System.Threading.ReaderWriterLockSlim, T> real) =>
        LoomRuntime.Controlled(api, null, 0) is { } me ? model(State(me), me) : real(_real);

    private T Shared<T>(string api, Func<ReaderWriterLockState, T> model, Func<System.Threading.ReaderWriterLockSlim, T> real)
    {
        if (LoomRuntime.Controlled(api, null, 0) is not { } me)
            return real(_real);
        var state = State(me);
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, model(state));
    }

    private static int Validate(int millisecondsTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        return millisecondsTimeout;
    }

    private static LockRecursionException UpgradeAfterRead() => new("Upgradeable lock may not be acquired with read lock held.");

    private void ThrowIfDisposed(ReaderWriterLockState state) => ObjectDisposedException.ThrowIf(state.Disposed, this);

    private ReaderWriterLockState State(LogicalThread me) =>
        me.Execution.ModelOf(_real, (execution, _) => new ReaderWriterLockState(execution, _policy == LockRecursionPolicy.SupportsRecursion));
}
