using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using SpinLock = System.Threading.SpinLock;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.SpinLock"/>, a struct, so every instance stand-in takes it by reference.
/// Inside a Loom execution entering and exiting are scheduling points on the lock's model (<see cref="SpinLockModel"/>,
/// shared with the Loom.Threading.SpinLock mirror), keyed by the address of the storage location passed (a field or
/// array element): each location is its own lock, and a copy is another lock. A thread waiting for a held lock blocks
/// rather than spins; the real struct is never changed there. Outside, each stand-in is the real member.
/// </summary>
[PassesThrough("get_IsThreadOwnerTrackingEnabled", PassThroughReasons.FixedAtConstruction)]
[Intercepts(typeof(SpinLock))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpinLockCalls
{
    /// <summary>Stands in for <see cref="System.Threading.SpinLock.SpinLock(bool)"/>.</summary>
    /// <param name="enableThreadOwnerTracking">Whether to record the owner.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new lock.</returns>
    public static SpinLock New(bool enableThreadOwnerTracking, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(enableThreadOwnerTracking);

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.IsHeld"/>; inside an execution a scheduling point.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether any thread holds the lock.</returns>
    public static bool get_IsHeld(ref SpinLock spinLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SpinLock.IsHeld", file, line) is { } me
            ? SpinLockModel.IsHeld(me, ref spinLock)
            : spinLock.IsHeld;

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.IsHeldByCurrentThread"/>; not a scheduling point.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the calling thread holds the lock.</returns>
    /// <exception cref="System.InvalidOperationException">Owner tracking is disabled.</exception>
    public static bool get_IsHeldByCurrentThread(ref SpinLock spinLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("SpinLock.IsHeldByCurrentThread", file, line) is { } me
            ? SpinLockModel.IsHeldByCurrentThread(me, ref spinLock)
            : spinLock.IsHeldByCurrentThread;

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.Enter(ref bool)"/>: takes the lock, waiting while another thread holds it.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="lockTaken">Must be <see langword="false"/>; set once the lock is taken.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="System.Threading.LockRecursionException">Owner tracking is enabled and the calling thread holds the lock.</exception>
    public static void Enter(ref SpinLock spinLock, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Enter", file, line) is { } me)
            SpinLockModel.Enter(me, ref spinLock, ref lockTaken, "SpinLock.Enter", file, line);
        else
            spinLock.Enter(ref lockTaken);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.TryEnter(ref bool)"/>: takes the lock only if it is free.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="lockTaken">Must be <see langword="false"/>; set to whether the lock was taken.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="System.Threading.LockRecursionException">Owner tracking is enabled and the calling thread holds the lock.</exception>
    public static void TryEnter(ref SpinLock spinLock, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is { } me)
            SpinLockModel.TryEnter(me, ref spinLock, 0, ref lockTaken, file, line);
        else
            spinLock.TryEnter(ref lockTaken);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.TryEnter(int, ref bool)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/>; set to whether the lock was taken.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">Owner tracking is enabled and the calling thread holds the lock.</exception>
    public static void TryEnter(ref SpinLock spinLock, int millisecondsTimeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is { } me)
            SpinLockModel.TryEnter(me, ref spinLock, millisecondsTimeout, ref lockTaken, file, line);
        else
            spinLock.TryEnter(millisecondsTimeout, ref lockTaken);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.TryEnter(TimeSpan, ref bool)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/>; set to whether the lock was taken.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="System.ArgumentOutOfRangeException">The timeout is out of range.</exception>
    /// <exception cref="System.Threading.LockRecursionException">Owner tracking is enabled and the calling thread holds the lock.</exception>
    public static void TryEnter(ref SpinLock spinLock, TimeSpan timeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.TryEnter", file, line) is { } me)
            SpinLockModel.TryEnter(me, ref spinLock, Timeouts.ToMilliseconds(timeout, nameof(timeout)), ref lockTaken, file, line);
        else
            spinLock.TryEnter(timeout, ref lockTaken);
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.Exit()"/>.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.SynchronizationLockException">Owner tracking is enabled and the calling thread does not hold the lock.</exception>
    public static void Exit(ref SpinLock spinLock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Exit", file, line) is { } me)
            SpinLockModel.Exit(me, ref spinLock, file, line);
        else
            spinLock.Exit();
    }

    /// <summary>Stands in for <see cref="System.Threading.SpinLock.Exit(bool)"/>; inside an execution every exit is a release, whatever <paramref name="useMemoryBarrier"/> says.</summary>
    /// <param name="spinLock">The lock, by reference: its storage location is its identity in the model.</param>
    /// <param name="useMemoryBarrier">Whether a real exit issues a full fence.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.Threading.SynchronizationLockException">Owner tracking is enabled and the calling thread does not hold the lock.</exception>
    public static void Exit(ref SpinLock spinLock, bool useMemoryBarrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("SpinLock.Exit", file, line) is { } me)
            SpinLockModel.Exit(me, ref spinLock, file, line);
        else
            spinLock.Exit(useMemoryBarrier);
    }
}
