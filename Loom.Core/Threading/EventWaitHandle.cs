using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.EventWaitHandle"/> (unnamed events): the base of
/// <see cref="ManualResetEvent"/> and <see cref="AutoResetEvent"/>. Inside a Loom execution Set, Reset and
/// WaitOne are scheduling points on the event's model; an untimed WaitOne blocks until the event is set, and a
/// wait nothing will set is reported as a deadlock. Elsewhere they are a real event's, created on first use.
/// Each execution sees the event as constructed.
/// <para>
/// Unlike the BCL type this mirror does not derive from <see cref="System.Threading.WaitHandle"/>: a real wait
/// handle is waited on outside Loom's control, so <c>WaitHandle.WaitAny</c>/<c>WaitAll</c> are not offered.
/// </para>
/// </summary>
public class EventWaitHandle : IDisposable
{
    private readonly bool _initialState;
    private readonly EventResetMode _mode;

    /// <summary>The key of the event's model in an execution (private, so that no other model can share it).</summary>
    private readonly object _modelKey = new();

    private System.Threading.EventWaitHandle? _real;
    private bool _disposed;

    /// <summary>Mirrors <see cref="System.Threading.EventWaitHandle(bool, EventResetMode)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="mode">Whether a successful wait resets the event (<see cref="EventResetMode.AutoReset"/>) or not.</param>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is not a defined <see cref="EventResetMode"/>.</exception>
    public EventWaitHandle(bool initialState, EventResetMode mode)
    {
        if (mode is not (EventResetMode.ManualReset or EventResetMode.AutoReset))
            throw new ArgumentException("Value of flags is invalid.", nameof(mode));
        _initialState = initialState;
        _mode = mode;
    }

    private bool AutoReset => _mode == EventResetMode.AutoReset;

    /// <summary>Mirrors <see cref="System.Threading.EventWaitHandle.Set"/>: sets the event, releasing a waiter (auto-reset) or every waiter (manual-reset).</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Set([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("EventWaitHandle.Set", file, line) is not { } me)
            return Real.Set();
        EventModel.Set(me, State(me), Api("Set"), this, throwIfDisposed: true, file, line);
        return true;
    }

    /// <summary>Mirrors <see cref="System.Threading.EventWaitHandle.Reset"/>: clears the event, so that waits block.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/>.</returns>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool Reset([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("EventWaitHandle.Reset", file, line) is not { } me)
            return Real.Reset();
        EventModel.Reset(me, State(me), Api("Reset"), this, file, line);
        return true;
    }

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.WaitOne()"/>: waits until the event is set (and, for an auto-reset event, resets it).</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns><see langword="true"/> once the event was set.</returns>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool WaitOne([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitOneCore(Timeout.Infinite, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.WaitHandle.WaitOne(int)"/>. Inside an execution a finite timeout never
    /// blocks: the wait succeeds if the event is set when the scheduler runs it, and otherwise times out.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool WaitOne(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        return WaitOneCore(millisecondsTimeout, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.WaitOne(TimeSpan)"/>; see <see cref="WaitOne(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool WaitOne(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitOneCore(Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line);

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.WaitOne(int, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool WaitOne(int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitOne(millisecondsTimeout, file, line);

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.WaitOne(TimeSpan, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether the event was set before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public bool WaitOne(TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        WaitOne(timeout, file, line);

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.Close"/>: the same as <see cref="Dispose()"/>.</summary>
    public virtual void Close() => Dispose();

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.Dispose()"/>. Inside an execution, later Set, Reset and WaitOne calls throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Mirrors <see cref="System.Threading.WaitHandle.Dispose(bool)"/>.</summary>
    /// <param name="explicitDisposing">Whether managed resources should be released too.</param>
    protected virtual void Dispose(bool explicitDisposing)
    {
        if (!explicitDisposing)
            return;
        if (LoomRuntime.Controlled("EventWaitHandle.Dispose", null, 0) is { } me)
        {
            EventModel.Dispose(me, State(me), Api("Dispose"));
            return;
        }
        _disposed = true;
        System.Threading.Interlocked.Exchange(ref _real, null)?.Dispose();
    }

    private bool WaitOneCore(int millisecondsTimeout, string? file, int line)
    {
        if (LoomRuntime.Controlled("EventWaitHandle.WaitOne", file, line) is not { } me)
            return Real.WaitOne(millisecondsTimeout);
        return EventModel.Wait(me, State(me), Api("WaitOne"), this, millisecondsTimeout, CancellationToken.None, file, line);
    }

    private string Api(string member) => $"{GetType().Name}.{member}";

    /// <summary>The real event, created on first use outside an execution.</summary>
    private System.Threading.EventWaitHandle Real
    {
        get
        {
            var real = System.Threading.Volatile.Read(ref _real);
            if (real is not null)
                return real;
            ObjectDisposedException.ThrowIf(_disposed, this);
            var created = new System.Threading.EventWaitHandle(_initialState, _mode);
            real = System.Threading.Interlocked.CompareExchange(ref _real, created, null);
            if (real is null)
                return created;
            created.Dispose();
            return real;
        }
    }

    /// <summary>
    /// The event's model, keyed by a private object: the real event is made only when used outside an execution,
    /// and the model starts from the event as constructed.
    /// </summary>
    private EventState State(LogicalThread me) =>
        me.Execution.ModelOf(_modelKey, (execution, _) => new EventState(execution, GetType().Name, _initialState, AutoReset));
}
