using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Lock"/>, on the real lock objects: inside a Loom execution entering and
/// exiting are scheduling points on the lock's model (<see cref="LockModel"/>, which the Loom.Threading.Lock mirror
/// shares), and the real lock is never taken; outside, each is the real member. The C# <c>lock</c> statement on a
/// <see cref="System.Threading.Lock"/> compiles to <see cref="EnterScope"/> and <see cref="System.Threading.Lock.Scope.Dispose"/>
/// (see <see cref="LockScopeCalls"/>).
/// </summary>
[Intercepts(typeof(System.Threading.Lock))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LockCalls
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_lockObj")]
    private static extern ref System.Threading.Lock? ScopeLock(ref System.Threading.Lock.Scope scope);

    /// <summary>Stands in for <see cref="System.Threading.Lock()"/>.</summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A new lock.</returns>
    public static System.Threading.Lock New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new();

    /// <summary>Stands in for <see cref="System.Threading.Lock.IsHeldByCurrentThread"/>; inside an execution not a scheduling point (only the caller can change the answer).</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the calling thread holds the lock.</returns>
    public static bool get_IsHeldByCurrentThread(System.Threading.Lock @lock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lock.IsHeldByCurrentThread", file, line) is { } me
            ? LockModel.IsHeldByCurrentThread(me, StandIn.NotNull(@lock))
            : @lock.IsHeldByCurrentThread;

    /// <summary>Stands in for <see cref="System.Threading.Lock.Enter"/>: takes the lock, waiting while another thread holds it.</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Enter(System.Threading.Lock @lock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.Enter", file, line) is { } me)
            LockModel.Enter(me, StandIn.NotNull(@lock), "Lock.Enter", file, line);
        else
            @lock.Enter();
    }

    /// <summary>Stands in for <see cref="System.Threading.Lock.TryEnter()"/>: takes the lock only if no other thread holds it.</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    public static bool TryEnter(System.Threading.Lock @lock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lock.TryEnter", file, line) is { } me
            ? LockModel.TryEnter(me, StandIn.NotNull(@lock), 0, file, line)
            : @lock.TryEnter();

    /// <summary>Stands in for <see cref="System.Threading.Lock.TryEnter(int)"/>; inside an execution a finite timeout never blocks (it succeeds or times out when the scheduler runs it).</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool TryEnter(System.Threading.Lock @lock, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lock.TryEnter", file, line) is { } me
            ? LockModel.TryEnter(me, StandIn.NotNull(@lock), millisecondsTimeout, file, line)
            : @lock.TryEnter(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.Lock.TryEnter(TimeSpan)"/>; see <see cref="TryEnter(System.Threading.Lock, int, string?, int)"/>.</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static bool TryEnter(System.Threading.Lock @lock, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Lock.TryEnter", file, line) is { } me
            ? LockModel.TryEnter(me, StandIn.NotNull(@lock), Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : @lock.TryEnter(timeout);

    /// <summary>Stands in for <see cref="System.Threading.Lock.Exit"/>: releases the lock once.</summary>
    /// <param name="lock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="SynchronizationLockException">The calling thread does not hold the lock.</exception>
    public static void Exit(System.Threading.Lock @lock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.Exit", file, line) is { } me)
            LockModel.Exit(me, StandIn.NotNull(@lock), "Lock.Exit", file, line);
        else
            @lock.Exit();
    }

    /// <summary>
    /// Stands in for <see cref="System.Threading.Lock.EnterScope"/>, what <c>lock (aLock)</c> compiles to. Inside an
    /// execution it takes the lock's model and returns a real <see cref="System.Threading.Lock.Scope"/> that names the
    /// lock without holding the real one (its constructor takes an internal thread id, so it is made as
    /// <see langword="default"/> with its private lock field set); <see cref="LockScopeCalls.Dispose"/> releases the model.
    /// </summary>
    /// <param name="lock">The lock.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The scope that holds the lock until disposed.</returns>
    public static System.Threading.Lock.Scope EnterScope(System.Threading.Lock @lock, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.EnterScope", file, line) is not { } me)
            return @lock.EnterScope();
        LockModel.Enter(me, StandIn.NotNull(@lock), "Lock.EnterScope", file, line);
        System.Threading.Lock.Scope scope = default;
        ScopeLock(ref scope) = @lock;
        return scope;
    }

    /// <summary>Releases the model of the lock a scope made by <see cref="EnterScope"/> names, once: the body of <see cref="LockScopeCalls.Dispose"/> inside an execution.</summary>
    internal static void DisposeScope(LogicalThread me, ref System.Threading.Lock.Scope scope, string? file, int line)
    {
        ref var held = ref ScopeLock(ref scope);
        if (held is not { } @lock)
            return;
        held = null;
        LockModel.Exit(me, @lock, "Lock.Scope.Dispose", file, line);
    }
}
