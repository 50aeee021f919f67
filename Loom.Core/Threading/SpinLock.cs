using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.SpinLock"/>: a non-reentrant mutual-exclusion lock. Inside a Loom execution
/// entering and exiting are scheduling points on the lock's model (a thread waiting for a held lock is blocked
/// rather than spinning, and a lock never released is reported as a deadlock); elsewhere every member is the real
/// spin lock's.
/// <para>
/// Like the real one, keep it in a mutable field (not <see langword="readonly"/>) and never copy it. Loom
/// identifies the lock by the address of the struct, as it does the fields passed to Interlocked: each storage
/// location is its own lock, and a copy starts free in the model even if the original was held (the real struct
/// would copy its held state). A collection that moves the struct restarts the execution, which is deterministic.
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
            var state = State(me);
            Blocking.Step(me, state, "SpinLock.IsHeld", AccessKind.Read, null, 0);
            return MemoryAccess.Result(me, state.IsHeld);
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
            if (!IsThreadOwnerTrackingEnabled)
                throw new InvalidOperationException("Thread tracking is disabled.");
            return State(me).Owner == me;
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
        CheckLockTaken(ref lockTaken);
        EnterModel(me, "SpinLock.Enter", file, line);
        lockTaken = true;
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
        CheckLockTaken(ref lockTaken);
        lockTaken = TryEnterModel(me, file, line);
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
        CheckLockTaken(ref lockTaken);
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The timeout must be a value between -1 and Int32.MaxValue, inclusive.");
        if (millisecondsTimeout == Timeout.Infinite)
        {
            EnterModel(me, "SpinLock.TryEnter", file, line);
            lockTaken = true;
        }
        else
        {
            lockTaken = TryEnterModel(me, file, line);
        }
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
            ExitModel(me, file, line);
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
            ExitModel(me, file, line);
        else
            _real.Exit(useMemoryBarrier);
    }

    private void EnterModel(LogicalThread me, string api, string? file, int line)
    {
        var state = State(me);
        CheckRecursion(me, state);
        Blocking.Step(me, state, api, AccessKind.Acquire, file, line);
        state.Enter(me, Blocking.Where(file, line));
    }

    private bool TryEnterModel(LogicalThread me, string? file, int line)
    {
        var state = State(me);
        CheckRecursion(me, state);
        // It fails or succeeds depending on whether another thread holds the lock: it conflicts with exits too.
        Blocking.Step(me, state, "SpinLock.TryEnter", AccessKind.Write, file, line);
        if (state.IsHeld)
            return Blocking.Outcome(me, false);
        state.Enter(me, Blocking.Where(file, line));
        return Blocking.Outcome(me, true);
    }

    private void ExitModel(LogicalThread me, string? file, int line)
    {
        var state = State(me);
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

    /// <summary>
    /// The lock's model in this execution, keyed by the address of this struct: the memory location named by
    /// <c>this</c> is the lock's identity, and the model object is created for it on first use.
    /// </summary>
    private SpinLockState State(LogicalThread me)
    {
        var location = me.Execution.LocationOf(ref this, "SpinLock", null);
        var tracking = IsThreadOwnerTrackingEnabled;
        return me.Execution.ModelOf(location, (execution, _) => new SpinLockState(execution, tracking));
    }
}
