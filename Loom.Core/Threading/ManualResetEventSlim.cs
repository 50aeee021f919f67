using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.ManualResetEventSlim"/>. Inside a Loom execution Set, Reset, IsSet and Wait
/// are scheduling points on the event's model: an untimed Wait blocks until the event is set, and a wait nothing
/// will set is reported as a deadlock. A wait only observes the event, so concurrent waits commute. Elsewhere every
/// member is the real event's. Each execution sees the event as constructed.
/// </summary>
public class ManualResetEventSlim : IDisposable
{
    private readonly System.Threading.ManualResetEventSlim _real;
    private readonly bool _initialState;

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim()"/>: an event that starts reset.</summary>
    public ManualResetEventSlim()
        : this(false)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim(bool)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    public ManualResetEventSlim(bool initialState)
    {
        _real = new System.Threading.ManualResetEventSlim(initialState);
        _initialState = initialState;
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim(bool, int)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="spinCount">How many times a real wait spins before blocking; Loom's waits never spin.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spinCount"/> is negative or greater than 2047.</exception>
    public ManualResetEventSlim(bool initialState, int spinCount)
    {
        _real = new System.Threading.ManualResetEventSlim(initialState, spinCount);
        _initialState = initialState;
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.IsSet"/>. Inside an execution, a scheduling point.</summary>
    public bool IsSet
    {
        get
        {
            if (LoomRuntime.Controlled("ManualResetEventSlim.IsSet", null, 0) is not { } me)
                return _real.IsSet;
            var state = State(me);
            Blocking.Step(me, state, "ManualResetEventSlim.IsSet", AccessKind.Read, null, 0);
            return MemoryAccess.Result(me, state.IsSet);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.SpinCount"/>: how many times a real wait spins before blocking.</summary>
    public int SpinCount => _real.SpinCount;

    /// <summary>
    /// Mirrors <see cref="System.Threading.ManualResetEventSlim.WaitHandle"/>. Not supported inside an execution: a
    /// wait handle is waited on outside Loom's control.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    /// <exception cref="NotSupportedException">Used inside a Loom execution.</exception>
    public WaitHandle WaitHandle
    {
        get
        {
            if (LoomRuntime.Controlled("ManualResetEventSlim.WaitHandle", null, 0) is not null)
            {
                throw new NotSupportedException(Blocking.NotSupported(
                    "ManualResetEventSlim.WaitHandle",
                    "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the event instead."));
            }
            return _real.WaitHandle;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Set()"/>: sets the event, releasing every waiter.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    public void Set([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Set", file, line) is not { } me)
        {
            _real.Set();
            return;
        }
        var state = State(me);
        Blocking.Step(me, state, "ManualResetEventSlim.Set", AccessKind.Write, file, line, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting)
            return;
        // As in the BCL, setting a disposed event does not throw.
        Blocking.Record(me, state.IsSet ? "already set" : "set");
        state.IsSet = true;
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Reset()"/>: clears the event, so that waits block.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Reset([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Reset", file, line) is not { } me)
        {
            _real.Reset();
            return;
        }
        var state = State(me);
        Blocking.Step(me, state, "ManualResetEventSlim.Reset", AccessKind.Write, file, line);
        ThrowIfDisposed(state);
        Blocking.Record(me, state.IsSet ? "reset" : "already reset");
        state.IsSet = false;
        state.ResetAt = $"{Blocking.Where(file, line)} by {me.Label}";
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait()"/>: waits until the event is set.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Wait([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            WaitModel(me, Timeout.Infinite, CancellationToken.None, file, line);
        else
            _real.Wait();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait(CancellationToken)"/>. Inside an execution a
    /// blocked wait also goes on when the token is cancelled (by another thread), and then throws.
    /// </summary>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Wait(CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            WaitModel(me, Timeout.Infinite, cancellationToken, file, line);
        else
            _real.Wait(cancellationToken);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait(int)"/>. Inside an execution a finite timeout
    /// never blocks: the wait succeeds if the event is set when the scheduler runs it, and otherwise times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            return WaitModel(me, millisecondsTimeout, CancellationToken.None, file, line);
        return _real.Wait(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait(TimeSpan)"/>; see <see cref="Wait(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            return WaitModel(me, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line);
        return _real.Wait(timeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait(int, CancellationToken)"/>; see <see cref="Wait(int, string?, int)"/> and <see cref="Wait(CancellationToken, string?, int)"/>.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            return WaitModel(me, millisecondsTimeout, cancellationToken, file, line);
        return _real.Wait(millisecondsTimeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait(TimeSpan, CancellationToken)"/>; see <see cref="Wait(int, CancellationToken, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            return WaitModel(me, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line);
        return _real.Wait(timeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Dispose()"/>. Inside an execution, later Reset and Wait calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Dispose(bool)"/>.</summary>
    /// <param name="disposing">Whether managed resources should be released too.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        if (LoomRuntime.Controlled("ManualResetEventSlim.Dispose", null, 0) is { } me)
        {
            var state = State(me);
            Blocking.Step(me, state, "ManualResetEventSlim.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
            if (!me.Execution.Aborting)
                state.Disposed = true;
            return;
        }
        _real.Dispose();
    }

    private bool WaitModel(LogicalThread me, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        var state = State(me);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Blocking.Wait(me, state, "ManualResetEventSlim.Wait", AccessKind.Read, 0, cancellationToken, file, line);
            ThrowIfDisposed(state);
            return true;
        }
        Blocking.Step(me, state, "ManualResetEventSlim.Wait", AccessKind.Read, file, line);
        ThrowIfDisposed(state);
        if (!state.IsSet)
            cancellationToken.ThrowIfCancellationRequested();
        return Blocking.Outcome(me, state.IsSet);
    }

    private void ThrowIfDisposed(EventState state) => ObjectDisposedException.ThrowIf(state.Disposed, this);

    private EventState State(LogicalThread me) =>
        me.Execution.ModelOf(_real, (execution, _) => new EventState(execution, "ManualResetEventSlim", _initialState, autoReset: false));
}
