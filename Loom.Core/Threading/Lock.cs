using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Lock"/> (.NET 9): a reentrant mutual-exclusion lock. Inside a Loom
/// execution entering and exiting are scheduling points on the lock's model; a thread waiting for a lock that is
/// never released is reported as a deadlock, and a lock still held when the test body returns is reported too.
/// Elsewhere every member is a real <see cref="System.Threading.Lock"/>'s.
/// <para>
/// The C# <c>lock</c> statement treats only <see cref="System.Threading.Lock"/> specially: on this type it takes
/// the real monitor of the object. In code built for Loom write <c>using (myLock.EnterScope()) { ... }</c>.
/// </para>
/// </summary>
public sealed class Lock
{
    /// <summary>The real lock: taken outside executions, and the key of the lock's model inside them (<see cref="LockModel"/>).</summary>
    private readonly System.Threading.Lock _real = new();

    /// <summary>Mirrors <see cref="System.Threading.Lock.IsHeldByCurrentThread"/>. Only the current thread can change the answer, so this is not a scheduling point.</summary>
    public bool IsHeldByCurrentThread
    {
        get
        {
            if (LoomRuntime.Controlled("Lock.IsHeldByCurrentThread", null, 0) is { } me)
                return LockModel.IsHeldByCurrentThread(me, _real);
            return _real.IsHeldByCurrentThread;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.Lock.Enter()"/>: takes the lock, waiting while another thread holds it.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public void Enter([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.Enter", file, line) is { } me)
            LockModel.Enter(me, _real, "Lock.Enter", file, line);
        else
            _real.Enter();
    }

    /// <summary>Mirrors <see cref="System.Threading.Lock.TryEnter()"/>: takes the lock only if no other thread holds it.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    public bool TryEnter([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.TryEnter", file, line) is { } me)
            return LockModel.TryEnter(me, _real, 0, file, line);
        return _real.TryEnter();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Lock.TryEnter(int)"/>. Inside an execution a finite timeout never blocks:
    /// the lock is taken if it is free when the scheduler runs the call, and otherwise the call times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public bool TryEnter(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.TryEnter", file, line) is not { } me)
            return _real.TryEnter(millisecondsTimeout);
        return LockModel.TryEnter(me, _real, millisecondsTimeout, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Lock.TryEnter(TimeSpan)"/>; see <see cref="TryEnter(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the lock was taken.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    public bool TryEnter(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.TryEnter", file, line) is null)
            return _real.TryEnter(timeout);
        return TryEnter(Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Lock.Exit()"/>: releases the lock once.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
    public void Exit([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Lock.Exit", file, line) is { } me)
            LockModel.Exit(me, _real, "Lock.Exit", file, line);
        else
            _real.Exit();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.Lock.EnterScope()"/>: takes the lock and returns a scope whose
    /// <see cref="Scope.Dispose"/> releases it, for <c>using (myLock.EnterScope()) { ... }</c>.
    /// </summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The scope that holds the lock.</returns>
    public Scope EnterScope([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        Enter(file, line);
        return new Scope(this, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Lock.Scope"/>: holds the lock until disposed.</summary>
    public ref struct Scope
    {
        private Lock? _lock;
        private readonly string? _file;
        private readonly int _line;

        internal Scope(Lock owner, string? file, int line)
        {
            _lock = owner;
            _file = file;
            _line = line;
        }

        /// <summary>
        /// Mirrors <see cref="System.Threading.Lock.Scope.Dispose"/>: releases the lock (once, however often it is
        /// called). Inside an execution the trace shows it at the line of <see cref="EnterScope"/>.
        /// </summary>
        /// <exception cref="SynchronizationLockException">The current thread does not hold the lock.</exception>
        public void Dispose()
        {
            var owner = _lock;
            if (owner is null)
                return;
            _lock = null;
            if (LoomRuntime.Controlled("Lock.Scope.Dispose", _file, _line) is { } me)
                LockModel.Exit(me, owner._real, "Lock.Scope.Dispose", _file, _line);
            else
                owner._real.Exit();
        }
    }
}
