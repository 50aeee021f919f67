using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.ManualResetEventSlim"/>. Inside a Loom execution Set, Reset, IsSet and Wait
/// are scheduling points on the event's model: an untimed Wait blocks until the event is set, and a wait nothing
/// will set is reported as a deadlock. A wait only observes the event, so concurrent waits commute. Elsewhere every
/// member is the real event's. Each execution starts from the real event's state when it first uses it
/// (<see cref="EventModel"/>, the model it shares with the stand-ins rewritten code calls on a real event).
/// </summary>
public class ManualResetEventSlim : IDisposable
{
    /// <summary>The real event: used outside executions, and what the model starts from inside them.</summary>
    private readonly System.Threading.ManualResetEventSlim _real;

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
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim(bool, int)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="spinCount">How many times a real wait spins before blocking; Loom's waits never spin.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spinCount"/> is negative or greater than 2047.</exception>
    public ManualResetEventSlim(bool initialState, int spinCount)
    {
        _real = new System.Threading.ManualResetEventSlim(initialState, spinCount);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.IsSet"/>. Inside an execution, a scheduling point.</summary>
    public bool IsSet
    {
        get
        {
            if (LoomRuntime.Controlled("ManualResetEventSlim.IsSet", null, 0) is not { } me)
                return _real.IsSet;
            return EventModel.IsSet(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.IsSet");
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
        // As in the BCL, setting a disposed event does not throw.
        EventModel.Set(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Set", _real, throwIfDisposed: false, file, line);
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
        EventModel.Reset(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Reset", _real, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.ManualResetEventSlim.Wait()"/>: waits until the event is set.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public void Wait([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, Timeout.Infinite, CancellationToken.None, file, line);
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
            EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, Timeout.Infinite, cancellationToken, file, line);
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
            return EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, millisecondsTimeout, CancellationToken.None, file, line);
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
            return EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line);
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
            return EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, millisecondsTimeout, cancellationToken, file, line);
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
            return EventModel.Wait(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Wait", _real, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line);
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
            EventModel.Dispose(me, EventModel.SlimState(me, _real), "ManualResetEventSlim.Dispose");
            return;
        }
        _real.Dispose();
    }
}
