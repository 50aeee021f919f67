using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.SpinLock"/>: a non-reentrant mutual-exclusion lock. Inside a Loom execution
/// entering and exiting are scheduling points on the lock's model (a thread waiting for a held lock is blocked
/// rather than spinning, and a lock never released is reported as a deadlock); elsewhere every member is the real
/// spin lock's.
/// <para>
/// Like the real one, keep it in a mutable field (not <see langword="readonly"/>) and never copy it. Loom
/// identifies the lock by the address of the struct, as it does the fields passed to Interlocked: each storage
/// location is its own lock (see <see cref="SpinLockModel"/>, shared with the stand-ins for the real struct). A
/// collection that moves the struct restarts the execution, which is deterministic.
/// </para>
/// </summary>
public struct SpinLock
{
    /// <summary>The real spin lock, used outside executions. Its owner-tracking flag is the mirror's too.</summary>
    private System.Threading.SpinLock _real;

    /// <summary>Mirrors <see cref="System.Threading.SpinLock(bool)"/>. A default <see cref="SpinLock"/> tracks its owner, as in .NET.</summary>
    /// <param name="enableThreadOwnerTracking">Whether to record the owner, which detects re-entry and exits by other threads.</param>
    public SpinLock(bool enableThreadOwnerTracking)
    {
        _real = new System.Threading.SpinLock(enableThreadOwnerTracking);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.IsThreadOwnerTrackingEnabled"/>.</summary>
    public readonly bool IsThreadOwnerTrackingEnabled => _real.IsThreadOwnerTrackingEnabled;

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.IsHeld"/>: whether any thread holds the lock. Inside an execution, a scheduling point.</summary>
    public bool IsHeld
    {
        get
        {
            if (LoomRuntime.Controlled("SpinLock.IsHeld", null, 0) is not { } me)
                return _real.IsHeld;
            return SpinLockModel.IsHeld(me, ref _real);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.IsHeldByCurrentThread"/>. Only the current thread can change the answer, so this is not a scheduling point.</summary>
    /// <exception cref="InvalidOperationException">Owner tracking is disabled.</exception>
    public bool IsHeldByCurrentThread
    {
        get
        {
            if (LoomRuntime.Controlled("SpinLock.IsHeldByCurrentThread", null, 0) is not { } me)
                return _real.IsHeldByCurrentThread;
            return SpinLockModel.IsHeldByCurrentThread(me, ref _real);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.Enter(ref bool)"/>: takes the lock, waiting while another thread holds it.</summary>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to <see langword="true"/> once the lock is taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the current thread already holds the lock.</exception>
    public void Enter(ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Enter", file, line) is not { } me)
        {
            _real.Enter(ref lockTaken);
            return;
        }
        SpinLockModel.Enter(me, ref _real, ref lockTaken, "SpinLock.Enter", file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.TryEnter(ref bool)"/>: takes the lock only if it is free.</summary>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the current thread already holds the lock.</exception>
    public void TryEnter(ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is not { } me)
        {
            _real.TryEnter(ref lockTaken);
            return;
        }
        SpinLockModel.TryEnter(me, ref _real, 0, ref lockTaken, file, line);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.SpinLock.TryEnter(int, ref bool)"/>. Inside an execution a finite timeout
    /// never blocks: the lock is taken if it is free when the scheduler runs the call, and otherwise the call times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the current thread already holds the lock.</exception>
    public void TryEnter(int millisecondsTimeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is not { } me)
        {
            _real.TryEnter(millisecondsTimeout, ref lockTaken);
            return;
        }
        SpinLockModel.TryEnter(me, ref _real, millisecondsTimeout, ref lockTaken, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.TryEnter(TimeSpan, ref bool)"/>; see <see cref="TryEnter(int, ref bool, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="LockRecursionException">Owner tracking is enabled and the current thread already holds the lock.</exception>
    public void TryEnter(TimeSpan timeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is null)
        {
            _real.TryEnter(timeout, ref lockTaken);
            return;
        }
        var milliseconds = (long)timeout.TotalMilliseconds;
        if (milliseconds < Timeout.Infinite || milliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be a value between -1 and Int32.MaxValue, inclusive.");
        TryEnter((int)milliseconds, ref lockTaken, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.Exit()"/>: releases the lock.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">Owner tracking is enabled and the current thread does not hold the lock.</exception>
    public void Exit([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Exit", file, line) is { } me)
            SpinLockModel.Exit(me, ref _real, file, line);
        else
            _real.Exit();
    }

    /// <summary>Mirrors <see cref="System.Threading.SpinLock.Exit(bool)"/>: releases the lock. Inside an execution every release is ordered as a release fence, whatever <paramref name="useMemoryBarrier"/> says.</summary>
    /// <param name="useMemoryBarrier">Whether a real exit publishes the release with a full fence.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">Owner tracking is enabled and the current thread does not hold the lock.</exception>
    public void Exit(bool useMemoryBarrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Exit", file, line) is { } me)
            SpinLockModel.Exit(me, ref _real, file, line);
        else
            _real.Exit(useMemoryBarrier);
    }
}
