using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.CountdownEvent"/>. Inside a Loom execution every member is a scheduling
/// point on the event's model: an untimed Wait blocks until the count reaches zero, and a wait for signals that
/// never come is reported as a deadlock. Elsewhere every member is the real event's. Each execution starts from the real event's
/// state when it first uses it (<see cref="CountdownModel"/>, shared with the stand-ins rewritten code calls).
/// </summary>
public class CountdownEvent : IDisposable
{
    /// <summary>The real event: used outside executions, and what the model starts from inside them.</summary>
    private readonly System.Threading.CountdownEvent _real;

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent(int)"/>.</summary>
    /// <param name="initialCount">The signals needed before the event is set.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public CountdownEvent(int initialCount)
    {
        _real = new System.Threading.CountdownEvent(initialCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.CurrentCount"/>: the signals still needed. Inside an execution, a scheduling point.</summary>
    public int CurrentCount => LoomRuntime.Controlled("CountdownEvent.CurrentCount", null, 0) is { } me ? CountdownModel.Read(me, _real, "CountdownEvent.CurrentCount", static state => state.CurrentCount) : _real.CurrentCount;

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.InitialCount"/>: the count Reset() restores. Inside an execution, a scheduling point.</summary>
    public int InitialCount => LoomRuntime.Controlled("CountdownEvent.InitialCount", null, 0) is { } me ? CountdownModel.Read(me, _real, "CountdownEvent.InitialCount", static state => state.InitialCount) : _real.InitialCount;

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.IsSet"/>: whether the count is zero. Inside an execution, a scheduling point.</summary>
    public bool IsSet => LoomRuntime.Controlled("CountdownEvent.IsSet", null, 0) is { } me ? CountdownModel.Read(me, _real, "CountdownEvent.IsSet", static state => state.CurrentCount == 0) : _real.IsSet;

    /// <summary>
    /// Mirrors <see cref="System.Threading.CountdownEvent.WaitHandle"/>. Not supported inside an execution: a wait
    /// handle is waited on outside Loom's control.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    /// <exception cref="NotSupportedException">Used inside a Loom execution.</exception>
    public WaitHandle WaitHandle
    {
        get
        {
            if (LoomRuntime.Controlled("CountdownEvent.WaitHandle", null, 0) is not null)
            {
                throw new NotSupportedException(Blocking.NotSupported(
                    "CountdownEvent.WaitHandle",
                    "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the event instead."));
            }
            return _real.WaitHandle;
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Signal()"/>: one signal, decrementing the count.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether this signal brought the count to zero.</returns>
    /// <exception cref="InvalidOperationException">The count is already zero.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Signal([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Signal", file, line) is { } me)
            return CountdownModel.Signal(me, _real, 1, file, line);
        return _real.Signal();
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Signal(int)"/>: several signals at once.</summary>
    /// <param name="signalCount">How many signals.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether these signals brought the count to zero.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="signalCount"/> is greater than the count.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Signal(int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Signal", file, line) is { } me)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signalCount);
            return CountdownModel.Signal(me, _real, signalCount, file, line);
        }
        return _real.Signal(signalCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.AddCount()"/>: expects one more signal.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="InvalidOperationException">The event is already set, or the count would overflow.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void AddCount([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.AddCount", file, line) is { } me)
            CountdownModel.Add(me, _real, 1, "CountdownEvent.AddCount", throwIfSet: true, file, line);
        else
            _real.AddCount();
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.AddCount(int)"/>: expects more signals.</summary>
    /// <param name="signalCount">How many more signals.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The event is already set, or the count would overflow.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void AddCount(int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.AddCount", file, line) is { } me)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signalCount);
            CountdownModel.Add(me, _real, signalCount, "CountdownEvent.AddCount", throwIfSet: true, file, line);
        }
        else
        {
            _real.AddCount(signalCount);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.TryAddCount()"/>: expects one more signal unless the event is already set.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count was incremented; <see langword="false"/> if the event was already set.</returns>
    /// <exception cref="InvalidOperationException">The count would overflow.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool TryAddCount([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.TryAddCount", file, line) is { } me)
            return CountdownModel.Add(me, _real, 1, "CountdownEvent.TryAddCount", throwIfSet: false, file, line);
        return _real.TryAddCount();
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.TryAddCount(int)"/>: expects more signals unless the event is already set.</summary>
    /// <param name="signalCount">How many more signals.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count was incremented; <see langword="false"/> if the event was already set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException">The count would overflow.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool TryAddCount(int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.TryAddCount", file, line) is { } me)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signalCount);
            return CountdownModel.Add(me, _real, signalCount, "CountdownEvent.TryAddCount", throwIfSet: false, file, line);
        }
        return _real.TryAddCount(signalCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Reset()"/>: restores the count to <see cref="InitialCount"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Reset([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Reset", file, line) is { } me)
            CountdownModel.Reset(me, _real, null, file, line);
        else
            _real.Reset();
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Reset(int)"/>: sets both the count and <see cref="InitialCount"/>.</summary>
    /// <param name="count">The new count.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Reset(int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Reset", file, line) is { } me)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(count);
            CountdownModel.Reset(me, _real, count, file, line);
        }
        else
        {
            _real.Reset(count);
        }
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Wait()"/>: waits until the count reaches zero.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Wait([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            CountdownModel.Wait(me, _real, Timeout.Infinite, CancellationToken.None, file, line);
        else
            _real.Wait();
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.CountdownEvent.Wait(CancellationToken)"/>. Inside an execution a blocked
    /// wait also goes on when the token is cancelled (by another thread), and then throws.
    /// </summary>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Wait(CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            CountdownModel.Wait(me, _real, Timeout.Infinite, cancellationToken, file, line);
        else
            _real.Wait(cancellationToken);
    }

    /// <summary>
    /// Mirrors <see cref="System.Threading.CountdownEvent.Wait(int)"/>. Inside an execution a finite timeout never
    /// blocks: the wait succeeds if the count is zero when the scheduler runs it, and otherwise times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count reached zero before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            return CountdownModel.Wait(me, _real, millisecondsTimeout, CancellationToken.None, file, line);
        return _real.Wait(millisecondsTimeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Wait(TimeSpan)"/>; see <see cref="Wait(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count reached zero before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            return CountdownModel.Wait(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line);
        return _real.Wait(timeout);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Wait(int, CancellationToken)"/>; see <see cref="Wait(int, string?, int)"/> and <see cref="Wait(CancellationToken, string?, int)"/>.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count reached zero before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            return CountdownModel.Wait(me, _real, millisecondsTimeout, cancellationToken, file, line);
        return _real.Wait(millisecondsTimeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Wait(TimeSpan, CancellationToken)"/>; see <see cref="Wait(int, CancellationToken, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the count reached zero before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Wait(TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            return CountdownModel.Wait(me, _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line);
        return _real.Wait(timeout, cancellationToken);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Dispose()"/>. Inside an execution, later signals and waits throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Mirrors <see cref="System.Threading.CountdownEvent.Dispose(bool)"/>.</summary>
    /// <param name="disposing">Whether managed resources should be released too.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        if (LoomRuntime.Controlled("CountdownEvent.Dispose", null, 0) is { } me)
        {
            CountdownModel.Dispose(me, _real);
            return;
        }
        _real.Dispose();
    }
}
