using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using ReaderWriterLockSlim = System.Threading.ReaderWriterLockSlim;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.ReaderWriterLockSlim"/>, on the real locks: inside a Loom execution
/// entering and exiting are scheduling points on the lock's model (<see cref="ReaderWriterLockModel"/>, shared with the
/// Loom.Threading.ReaderWriterLockSlim mirror), with .NET's recursion rules, exceptions and writer preference; the
/// model starts free, with the real lock's recursion policy and disposal, and the real lock is never taken there.
/// Outside, each stand-in is the real member.
/// </summary>
[PassesThrough("get_RecursionPolicy", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(ReaderWriterLockSlim))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ReaderWriterLockSlimCalls
{
    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.ReaderWriterLockSlim()"/>.</summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A new lock without recursion.</returns>
    public static ReaderWriterLockSlim New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new();

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.ReaderWriterLockSlim(LockRecursionPolicy)"/>.</summary>
    /// <param name="recursionPolicy">Whether a thread may enter a mode it already holds.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new lock.</returns>
    public static ReaderWriterLockSlim New(LockRecursionPolicy recursionPolicy, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(recursionPolicy);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.IsReadLockHeld"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static bool get_IsReadLockHeld(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.IsReadLockHeld", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.ReadCount(me) > 0)
            : rwLock.IsReadLockHeld;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.IsUpgradeableReadLockHeld"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static bool get_IsUpgradeableReadLockHeld(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.IsUpgradeableReadLockHeld", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.Upgrader == me)
            : rwLock.IsUpgradeableReadLockHeld;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.IsWriteLockHeld"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static bool get_IsWriteLockHeld(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.IsWriteLockHeld", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.Writer == me)
            : rwLock.IsWriteLockHeld;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.RecursiveReadCount"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_RecursiveReadCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveReadCount", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.ReadCount(me))
            : rwLock.RecursiveReadCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.RecursiveUpgradeCount"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_RecursiveUpgradeCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveUpgradeCount", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.Upgrader == me ? state.UpgradeCount : 0)
            : rwLock.RecursiveUpgradeCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.RecursiveWriteCount"/>; not a scheduling point (only the calling thread changes it).</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_RecursiveWriteCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.RecursiveWriteCount", file, line) is { } me
            ? ReaderWriterLockModel.Own(me, StandIn.NotNull(rwLock), static (state, me) => state.Writer == me ? state.WriteCount : 0)
            : rwLock.RecursiveWriteCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.CurrentReadCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_CurrentReadCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.CurrentReadCount", file, line) is { } me
            ? ReaderWriterLockModel.Shared(me, StandIn.NotNull(rwLock), "ReaderWriterLockSlim.CurrentReadCount", static state => state.ReaderCount)
            : rwLock.CurrentReadCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.WaitingReadCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_WaitingReadCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingReadCount", file, line) is { } me
            ? ReaderWriterLockModel.Shared(me, StandIn.NotNull(rwLock), "ReaderWriterLockSlim.WaitingReadCount", static state => state.CountWaiting(Runtime.Objects.ReaderWriterLockState.ReadRequest))
            : rwLock.WaitingReadCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.WaitingUpgradeCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_WaitingUpgradeCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingUpgradeCount", file, line) is { } me
            ? ReaderWriterLockModel.Shared(me, StandIn.NotNull(rwLock), "ReaderWriterLockSlim.WaitingUpgradeCount", static state => state.CountWaiting(Runtime.Objects.ReaderWriterLockState.UpgradeableRequest))
            : rwLock.WaitingUpgradeCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.WaitingWriteCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_WaitingWriteCount(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.WaitingWriteCount", file, line) is { } me
            ? ReaderWriterLockModel.Shared(me, StandIn.NotNull(rwLock), "ReaderWriterLockSlim.WaitingWriteCount", static state => state.WaitingWriters.Count)
            : rwLock.WaitingWriteCount;

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.EnterReadLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static void EnterReadLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterReadLock", file, line) is { } me)
            ReaderWriterLockModel.EnterRead(me, StandIn.NotNull(rwLock), Timeout.Infinite, "ReaderWriterLockSlim.EnterReadLock", file, line);
        else
            rwLock.EnterReadLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterReadLock(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterReadLock(ReaderWriterLockSlim rwLock, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterReadLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterRead(me, StandIn.NotNull(rwLock), ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterReadLock", file, line)
            : rwLock.TryEnterReadLock(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterReadLock(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterReadLock(ReaderWriterLockSlim rwLock, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterReadLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterRead(me, StandIn.NotNull(rwLock), Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterReadLock", file, line)
            : rwLock.TryEnterReadLock(timeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.ExitReadLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.SynchronizationLockException">The calling thread does not hold the lock in that mode.</exception>
    public static void ExitReadLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitReadLock", file, line) is { } me)
            ReaderWriterLockModel.ExitReadLock(me, StandIn.NotNull(rwLock), file, line);
        else
            rwLock.ExitReadLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.EnterWriteLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static void EnterWriteLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterWriteLock", file, line) is { } me)
            ReaderWriterLockModel.EnterWrite(me, StandIn.NotNull(rwLock), Timeout.Infinite, "ReaderWriterLockSlim.EnterWriteLock", file, line);
        else
            rwLock.EnterWriteLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterWriteLock(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim rwLock, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterWriteLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterWrite(me, StandIn.NotNull(rwLock), ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterWriteLock", file, line)
            : rwLock.TryEnterWriteLock(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterWriteLock(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterWriteLock(ReaderWriterLockSlim rwLock, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterWriteLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterWrite(me, StandIn.NotNull(rwLock), Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterWriteLock", file, line)
            : rwLock.TryEnterWriteLock(timeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.ExitWriteLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.SynchronizationLockException">The calling thread does not hold the lock in that mode.</exception>
    public static void ExitWriteLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitWriteLock", file, line) is { } me)
            ReaderWriterLockModel.ExitWriteLock(me, StandIn.NotNull(rwLock), file, line);
        else
            rwLock.ExitWriteLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.EnterUpgradeableReadLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static void EnterUpgradeableReadLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.EnterUpgradeableReadLock", file, line) is { } me)
            ReaderWriterLockModel.EnterUpgradeable(me, StandIn.NotNull(rwLock), Timeout.Infinite, "ReaderWriterLockSlim.EnterUpgradeableReadLock", file, line);
        else
            rwLock.EnterUpgradeableReadLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterUpgradeableReadLock(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim rwLock, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterUpgradeable(me, StandIn.NotNull(rwLock), ReaderWriterLockModel.Validate(millisecondsTimeout), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line)
            : rwLock.TryEnterUpgradeableReadLock(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.TryEnterUpgradeableReadLock(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">The recursion policy forbids the entry with the locks this thread holds.</exception>
    /// <exception cref="System.ObjectDisposedException">The lock was disposed.</exception>
    public static bool TryEnterUpgradeableReadLock(ReaderWriterLockSlim rwLock, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line) is { } me
            ? ReaderWriterLockModel.EnterUpgradeable(me, StandIn.NotNull(rwLock), Timeouts.ToMilliseconds(timeout, nameof(timeout)), "ReaderWriterLockSlim.TryEnterUpgradeableReadLock", file, line)
            : rwLock.TryEnterUpgradeableReadLock(timeout);

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.ExitUpgradeableReadLock()"/>.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.SynchronizationLockException">The calling thread does not hold the lock in that mode.</exception>
    public static void ExitUpgradeableReadLock(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.ExitUpgradeableReadLock", file, line) is { } me)
            ReaderWriterLockModel.ExitUpgradeableReadLock(me, StandIn.NotNull(rwLock), file, line);
        else
            rwLock.ExitUpgradeableReadLock();
    }

    /// <summary>Stands in for <see cref="System.Threading.ReaderWriterLockSlim.Dispose()"/>. Inside an execution it disposes the model only; the real lock is untouched.</summary>
    /// <param name="rwLock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="SynchronizationLockException">The lock is held or waited for.</exception>
    public static void Dispose(ReaderWriterLockSlim rwLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ReaderWriterLockSlim.Dispose", file, line) is { } me)
            ReaderWriterLockModel.Dispose(me, StandIn.NotNull(rwLock));
        else
            rwLock.Dispose();
    }
}
