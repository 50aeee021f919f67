using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Threading.Models;

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
    /// <summary>The real lock: taken outside executions, and what the model starts from inside them.</summary>
    private readonly System.Threading.ReaderWriterLockSlim _real;

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
    }

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursionPolicy"/>.</summary>
    public LockRecursionPolicy RecursionPolicy => _real.RecursionPolicy;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsReadLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsReadLockHeld => LoomRuntime.Controlled("ReaderWriterLockSlim.IsReadLockHeld", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.ReadCount(me) > 0) : _real.IsReadLockHeld;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsUpgradeableReadLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsUpgradeableReadLockHeld => LoomRuntime.Controlled("ReaderWriterLockSlim.IsUpgradeableReadLockHeld", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.Upgrader == me) : _real.IsUpgradeableReadLockHeld;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.IsWriteLockHeld"/>. Not a scheduling point: only the current thread changes it.</summary>
    public bool IsWriteLockHeld => LoomRuntime.Controlled("ReaderWriterLockSlim.IsWriteLockHeld", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.Writer == me) : _real.IsWriteLockHeld;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveReadCount"/>: how many times the current thread holds the read lock.</summary>
    public int RecursiveReadCount => LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveReadCount", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.ReadCount(me)) : _real.RecursiveReadCount;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveUpgradeCount"/>: how many times the current thread holds the upgradeable read lock.</summary>
    public int RecursiveUpgradeCount => LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveUpgradeCount", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.Upgrader == me ? state.UpgradeCount : 0) : _real.RecursiveUpgradeCount;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.RecursiveWriteCount"/>: how many times the current thread holds the write lock.</summary>
    public int RecursiveWriteCount => LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveWriteCount", null, 0) is { } me ? ReaderWriterLockModel.Own(me, _real, static (state, me) => state.Writer == me ? state.WriteCount : 0) : _real.RecursiveWriteCount;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.CurrentReadCount"/>: how many threads hold the read lock. Inside an execution, a scheduling point.</summary>
    public int CurrentReadCount => LoomRuntime.Controlled("ReaderWriterLockSlim.CurrentReadCount", null, 0) is { } me ? ReaderWriterLockModel.Shared(me, _real, "ReaderWriterLockSlim.CurrentReadCount", static state => state.ReaderCount) : _real.CurrentReadCount;

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingReadCount"/>. Inside an execution, a
    /// scheduling point that counts the threads blocked in EnterReadLock at that moment.
    /// </summary>
    public int WaitingReadCount => LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingReadCount", null, 0) is { } me ? ReaderWriterLockModel.Shared(me, _real, "ReaderWriterLockSlim.WaitingReadCount", static state => state.CountWaiting(ReaderWriterLockState.ReadRequest)) : _real.WaitingReadCount;

    /// <summary>
    /// Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingUpgradeCount"/>. Inside an execution, a
    /// scheduling point that counts the threads blocked in EnterUpgradeableReadLock at that moment.
    /// </summary>
    public int WaitingUpgradeCount => LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingUpgradeCount", null, 0) is { } me ? ReaderWriterLockModel.Shared(me, _real, "ReaderWriterLockSlim.WaitingUpgradeCount", static state => state.CountWaiting(ReaderWriterLockState.UpgradeableRequest)) : _real.WaitingUpgradeCount;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.WaitingWriteCount"/>. Inside an execution, a scheduling point.</summary>
    public int WaitingWriteCount => LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingWriteCount", null, 0) is { } me ? ReaderWriterLockModel.Shared(me, _real, "ReaderWriterLockSlim.WaitingWriteCount", static state => state.WaitingWriters.Count) : _real.WaitingWriteCount;

    /// <summary>Mirrors <see cref="System.Threading.ReaderWriterLockSlim.EnterReadLock()"/>: takes the read lock, waiting while a writer holds the lock or waits for it.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="LockRecursionException">The recursion policy forbids taking the read lock with the locks this thread holds.</exception>
    /// <exception cref="ObjectDisposedException">The lock was disposed.</exception>
    public void EnterReadLock([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterReadLock", file, line) is { } me)
            ReaderWriterLockModel.EnterRead(me, _real, Timeout.Infinite, "ReaderWriterLockSlim.EnterReadLock", file, line);
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
            return ReaderWriterLockModel.EnterRead(me, _real, ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterReadLock", file, line);
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
            return ReaderWriterLockModel.EnterRead(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterReadLock", file, line);
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
            ReaderWriterLockModel.EnterWrite(me, _real, Timeout.Infinite, "ReaderWriterLockSlim.EnterWriteLock", file, line);
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
            return ReaderWriterLockModel.EnterWrite(me, _real, ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterWriteLock", file, line);
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
            return ReaderWriterLockModel.EnterWrite(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterWriteLock", file, line);
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
            ReaderWriterLockModel.EnterUpgradeable(me, _real, Timeout.Infinite, "ReaderWriterLockSlim.EnterUpgradeableReadLock", file, line);
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
            return ReaderWriterLockModel.EnterUpgradeable(me, _real, ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line);
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
            return ReaderWriterLockModel.EnterUpgradeable(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line);
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
        ReaderWriterLockModel.ExitReadLock(me, _real, file, line);
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
        ReaderWriterLockModel.ExitWriteLock(me, _real, file, line);
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
        ReaderWriterLockModel.ExitUpgradeableReadLock(me, _real, file, line);
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
        ReaderWriterLockModel.Dispose(me, _real);
    }
}
