using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Interception;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Monitor"/>. Inside a Loom execution, entering, exiting, waiting and pulsing
/// are scheduling points on the object's modelled monitor; elsewhere they are the real monitor's.
/// <para>
/// It is also the test build's stand-in for System.Threading.Monitor: in rewritten code (docs/rewriting.md) the C#
/// <c>lock</c> statement, which always compiles to System.Threading.Monitor, comes here. With rewriting off, write
/// <c>Monitor.Enter(obj); try { ... } finally { Monitor.Exit(obj); }</c> against this type, or use
/// <see cref="Lock.EnterScope"/>.
/// </para>
/// </summary>
[Intercepts(typeof(System.Threading.Monitor))]
public static class Monitor
{
    /// <summary>Mirrors <see cref="System.Threading.Monitor.Enter(object)"/>: acquires the lock on the object, waiting if another thread holds it.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    public static void Enter(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (LoomRuntime.Controlled("Monitor.Enter", file, line) is { } me)
            EnterModel(me, obj, "Monitor.Enter", file, line);
        else
            System.Threading.Monitor.Enter(obj);
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Enter(object, ref bool)"/>.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to <see langword="true"/> once the lock is taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    public static void Enter(object obj, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        CheckLockTaken(lockTaken);
        if (LoomRuntime.Controlled("Monitor.Enter", file, line) is { } me)
        {
            EnterModel(me, obj, "Monitor.Enter", file, line);
            lockTaken = true;
        }
        else
        {
            System.Threading.Monitor.Enter(obj, ref lockTaken);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.TryEnter(object)"/>: takes the lock only if it is free now.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    public static bool TryEnter(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TryEnter(obj, 0, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Monitor.TryEnter(object, ref bool)"/>.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    public static void TryEnter(object obj, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TryEnter(obj, 0, ref lockTaken, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Monitor.TryEnter(object, int)"/>. Inside an execution a finite timeout
    /// may expire at any scheduling point, so Loom explores both outcomes.
    /// </summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool TryEnter(object obj, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Timeouts.Validate(millisecondsTimeout, nameof(millisecondsTimeout));
        if (LoomRuntime.Controlled("Monitor.TryEnter", file, line) is not { } me)
            return System.Threading.Monitor.TryEnter(obj, millisecondsTimeout);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            EnterModel(me, obj, "Monitor.TryEnter", file, line);
            return true;
        }
        return TryEnterModel(me, State(me, obj), "Monitor.TryEnter", file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.TryEnter(object, TimeSpan)"/>; see <see cref="TryEnter(object, int, string?, int)"/>.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static bool TryEnter(object obj, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        TryEnter(obj, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    /// <summary>Mirrors <see cref="System.Threading.Monitor.TryEnter(object, int, ref bool)"/>.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        CheckLockTaken(lockTaken);
        lockTaken = TryEnter(obj, millisecondsTimeout, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.TryEnter(object, TimeSpan, ref bool)"/>.</summary>
    /// <param name="obj">The object whose lock to take.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="lockTaken">Must be <see langword="false"/> on entry; set to whether the lock was taken.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="lockTaken"/> is <see langword="true"/> on entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        CheckLockTaken(lockTaken);
        lockTaken = TryEnter(obj, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Exit(object)"/>: releases the lock once.</summary>
    /// <param name="obj">The object whose lock to release.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static void Exit(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (LoomRuntime.Controlled("Monitor.Exit", file, line) is not { } me)
        {
            System.Threading.Monitor.Exit(obj);
            return;
        }
        ExitModel(me, State(me, obj), "Monitor.Exit", file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.IsEntered(object)"/>: whether the current thread holds the lock.</summary>
    /// <param name="obj">The object to test.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the current thread holds the lock on <paramref name="obj"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    public static bool IsEntered(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        // Only the current thread can change whether it holds the lock, so this is not a scheduling point.
        if (LoomRuntime.Controlled("Monitor.IsEntered", file, line) is { } me)
            return State(me, obj).IsHeldBy(me);
        return System.Threading.Monitor.IsEntered(obj);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Monitor.Wait(object)"/>: releases the lock, waits for a Pulse, and
    /// reacquires the lock.
    /// </summary>
    /// <param name="obj">The object to wait on; the current thread must hold its lock.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/> once the lock is reacquired.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static bool Wait(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Wait(obj, Timeout.Infinite, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Monitor.Wait(object, int)"/>. Inside an execution a finite timeout may
    /// expire at any scheduling point, so Loom explores both a Pulse arriving and the timeout.
    /// </summary>
    /// <param name="obj">The object to wait on; the current thread must hold its lock.</param>
    /// <param name="millisecondsTimeout">How long to wait for a Pulse, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether a Pulse released the thread before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static bool Wait(object obj, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Timeouts.Validate(millisecondsTimeout, nameof(millisecondsTimeout));
        if (LoomRuntime.Controlled("Monitor.Wait", file, line) is not { } me)
            return System.Threading.Monitor.Wait(obj, millisecondsTimeout);

        var state = State(me, obj);
        RequireOwner(me, state, "Monitor.Wait");
        var timed = millisecondsTimeout != Timeout.Infinite;
        var flags = timed ? OperationFlags.Yield : OperationFlags.None;
        me.Execution.Schedule(me, new Operation("Monitor.Wait", AccessKind.Write, state, file, line, flags));
        state.BeginWait(me, timed);
        me.Execution.Schedule(me, new Operation("Monitor.Wait (reacquire)", AccessKind.Acquire, state, file, line));
        return MemoryAccess.Result(me, state.EndWait(me, SourceText.Location(file, line)));
    }

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Wait(object, TimeSpan)"/>; see <see cref="Wait(object, int, string?, int)"/>.</summary>
    /// <param name="obj">The object to wait on; the current thread must hold its lock.</param>
    /// <param name="timeout">How long to wait for a Pulse, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether a Pulse released the thread before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static bool Wait(object obj, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Wait(obj, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Wait(object, int, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET. See <see cref="Wait(object, int, string?, int)"/>.</summary>
    /// <param name="obj">The object to wait on; the current thread must hold its lock.</param>
    /// <param name="millisecondsTimeout">How long to wait for a Pulse, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether a Pulse released the thread before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static bool Wait(object obj, int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Wait(obj, millisecondsTimeout, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Wait(object, TimeSpan, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET. See <see cref="Wait(object, int, string?, int)"/>.</summary>
    /// <param name="obj">The object to wait on; the current thread must hold its lock.</param>
    /// <param name="timeout">How long to wait for a Pulse, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether a Pulse released the thread before the timeout.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static bool Wait(object obj, TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        Wait(obj, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Monitor.LockContentionCount"/>: how often a real thread found a monitor
    /// taken. It counts real contention only; Loom's modelled waits do not add to it.
    /// </summary>
    public static long LockContentionCount => System.Threading.Monitor.LockContentionCount;

    /// <summary>Mirrors <see cref="System.Threading.Monitor.Pulse(object)"/>: releases the longest-waiting thread in <c>Wait</c>, if any.</summary>
    /// <param name="obj">The object to pulse; the current thread must hold its lock.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static void Pulse(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        PulseCore(obj, all: false, "Monitor.Pulse", file, line);

    /// <summary>Mirrors <see cref="System.Threading.Monitor.PulseAll(object)"/>: releases every thread in <c>Wait</c>.</summary>
    /// <param name="obj">The object to pulse; the current thread must hold its lock.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="obj"/> is <see langword="null"/>.</exception>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public static void PulseAll(object obj, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        PulseCore(obj, all: true, "Monitor.PulseAll", file, line);

    private static void PulseCore(object obj, bool all, string api, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (LoomRuntime.Controlled(api, file, line) is not { } me)
        {
            if (all)
                System.Threading.Monitor.PulseAll(obj);
            else
                System.Threading.Monitor.Pulse(obj);
            return;
        }
        var state = State(me, obj);
        RequireOwner(me, state, api);
        me.Execution.Schedule(me, new Operation(api, AccessKind.Write, state, file, line));
        state.Pulse(all);
    }

    internal static MonitorState State(LogicalThread me, object obj) =>
        me.Execution.ModelOf(obj, static (execution, _) => new MonitorState(execution));

    internal static void EnterModel(LogicalThread me, object obj, string api, string? file, int line) =>
        EnterModel(me, State(me, obj), api, file, line);

    internal static void EnterModel(LogicalThread me, MonitorState state, string api, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(api, AccessKind.Acquire, state, file, line));
        state.Enter(me, SourceText.Location(file, line));
    }

    /// <summary>
    /// Takes the lock if it is free when the thread is scheduled. It may fail because another thread holds the
    /// lock, so it conflicts with every operation on the lock (a write), releases included.
    /// </summary>
    internal static bool TryEnterModel(LogicalThread me, MonitorState state, string api, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation(api, AccessKind.Write, state, file, line));
        if (!state.CanProceed(me, new Operation(api, AccessKind.Acquire, state, file, line)))
        {
            // A failed try is a poll: let another thread make progress before this one polls again.
            Blocking.YieldAfter(me);
            return MemoryAccess.Result(me, false);
        }
        state.Enter(me, SourceText.Location(file, line));
        return MemoryAccess.Result(me, true);
    }

    internal static void ExitModel(LogicalThread me, MonitorState state, string api, string? file, int line)
    {
        RequireOwner(me, state, api);
        me.Execution.Schedule(me, new Operation(api, AccessKind.Release, state, file, line, OperationFlags.RunsDuringAbort));
        if (!me.Execution.Aborting)
            state.Exit();
    }

    private static void RequireOwner(LogicalThread me, MonitorState state, string api)
    {
        if (!state.IsHeldBy(me) && !me.Execution.Aborting)
            throw new SynchronizationLockException($"{api}: object synchronization method was called from an unsynchronized block of code ({me.Label} does not hold {state}).");
    }

    private static void CheckLockTaken(bool lockTaken)
    {
        if (lockTaken)
            throw new ArgumentException("The lockTaken argument must be set to false before calling this method.", nameof(lockTaken));
    }
}
