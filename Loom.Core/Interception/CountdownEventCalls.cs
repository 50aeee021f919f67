using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using CountdownEvent = System.Threading.CountdownEvent;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.CountdownEvent"/>, on the real events: inside a Loom execution every
/// member is a scheduling point on the event's model (<see cref="CountdownModel"/>, shared with the
/// Loom.Threading.CountdownEvent mirror), which starts from the real event's counts and disposal when the execution
/// first uses it; the real event is never changed there. Outside, each stand-in is the real member.
/// </summary>
[Intercepts(typeof(CountdownEvent))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CountdownEventCalls
{
    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.CountdownEvent(int)"/>.</summary>
    /// <param name="initialCount">The signals needed before the event is set.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new event.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialCount"/> is negative.</exception>
    public static CountdownEvent New(int initialCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(initialCount);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.CurrentCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_CurrentCount(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.CurrentCount", file, line) is { } me
            ? CountdownModel.Read(me, StandIn.NotNull(@event), "CountdownEvent.CurrentCount", static state => state.CurrentCount)
            : @event.CurrentCount;

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.InitialCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_InitialCount(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.InitialCount", file, line) is { } me
            ? CountdownModel.Read(me, StandIn.NotNull(@event), "CountdownEvent.InitialCount", static state => state.InitialCount)
            : @event.InitialCount;

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.IsSet"/>; inside an execution a scheduling point.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static bool get_IsSet(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.IsSet", file, line) is { } me
            ? CountdownModel.Read(me, StandIn.NotNull(@event), "CountdownEvent.IsSet", static state => state.CurrentCount == 0)
            : @event.IsSet;

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.WaitHandle"/>. Inside an execution it throws: a real wait handle is waited on outside Loom's control.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The event's wait handle.</returns>
    /// <exception cref="NotSupportedException">Called inside a Loom execution.</exception>
    public static WaitHandle get_WaitHandle(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.WaitHandle", file, line) is not null)
        {
            throw new NotSupportedException(Blocking.NotSupported(
                "CountdownEvent.WaitHandle",
                "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the event instead."));
        }
        return @event.WaitHandle;
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Signal()"/>: one signal.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the signal brought the count to zero.</returns>
    /// <exception cref="System.InvalidOperationException">The count is already zero.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Signal(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Signal", file, line) is { } me
            ? CountdownModel.Signal(me, StandIn.NotNull(@event), 1, file, line)
            : @event.Signal();

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Signal(int)"/>: several signals at once.</summary>
    /// <param name="event">The event.</param>
    /// <param name="signalCount">How many signals.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the signals brought the count to zero.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="System.InvalidOperationException"><paramref name="signalCount"/> is greater than the count.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Signal(CountdownEvent @event, int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Signal", file, line) is { } me
            ? CountdownModel.Signal(me, StandIn.NotNull(@event), Positive(signalCount), file, line)
            : @event.Signal(signalCount);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.AddCount()"/>: one more signal expected.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.InvalidOperationException">The event is already set, or the count would overflow.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void AddCount(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.AddCount", file, line) is { } me)
            CountdownModel.Add(me, StandIn.NotNull(@event), 1, "CountdownEvent.AddCount", throwIfSet: true, file, line);
        else
            @event.AddCount();
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.AddCount(int)"/>: more signals expected.</summary>
    /// <param name="event">The event.</param>
    /// <param name="signalCount">How many more signals.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="System.InvalidOperationException">The event is already set, or the count would overflow.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void AddCount(CountdownEvent @event, int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.AddCount", file, line) is { } me)
            CountdownModel.Add(me, StandIn.NotNull(@event), Positive(signalCount), "CountdownEvent.AddCount", throwIfSet: true, file, line);
        else
            @event.AddCount(signalCount);
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.TryAddCount()"/>: one more signal expected, unless the event is set.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count was incremented.</returns>
    /// <exception cref="System.InvalidOperationException">The count would overflow.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool TryAddCount(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.TryAddCount", file, line) is { } me
            ? CountdownModel.Add(me, StandIn.NotNull(@event), 1, "CountdownEvent.TryAddCount", throwIfSet: false, file, line)
            : @event.TryAddCount();

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.TryAddCount(int)"/>: more signals expected, unless the event is set.</summary>
    /// <param name="event">The event.</param>
    /// <param name="signalCount">How many more signals.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count was incremented.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="signalCount"/> is less than 1.</exception>
    /// <exception cref="System.InvalidOperationException">The count would overflow.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool TryAddCount(CountdownEvent @event, int signalCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.TryAddCount", file, line) is { } me
            ? CountdownModel.Add(me, StandIn.NotNull(@event), Positive(signalCount), "CountdownEvent.TryAddCount", throwIfSet: false, file, line)
            : @event.TryAddCount(signalCount);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Reset()"/>: restores the initial count.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void Reset(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Reset", file, line) is { } me)
            CountdownModel.Reset(me, StandIn.NotNull(@event), null, file, line);
        else
            @event.Reset();
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Reset(int)"/>: sets the count and the initial count.</summary>
    /// <param name="event">The event.</param>
    /// <param name="count">The new count.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void Reset(CountdownEvent @event, int count, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Reset", file, line) is { } me)
            CountdownModel.Reset(me, StandIn.NotNull(@event), NotNegative(count), file, line);
        else
            @event.Reset(count);
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait()"/>.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void Wait(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            CountdownModel.Wait(me, StandIn.NotNull(@event), Timeout.Infinite, CancellationToken.None, file, line);
        else
            @event.Wait();
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait(CancellationToken)"/>.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static void Wait(CountdownEvent @event, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me)
            CountdownModel.Wait(me, StandIn.NotNull(@event), Timeout.Infinite, cancellationToken, file, line);
        else
            @event.Wait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count reached zero.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(CountdownEvent @event, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me
            ? CountdownModel.Wait(me, StandIn.NotNull(@event), millisecondsTimeout, CancellationToken.None, file, line)
            : @event.Wait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count reached zero.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(CountdownEvent @event, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me
            ? CountdownModel.Wait(me, StandIn.NotNull(@event), Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line)
            : @event.Wait(timeout);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait(int, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count reached zero.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(CountdownEvent @event, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me
            ? CountdownModel.Wait(me, StandIn.NotNull(@event), millisecondsTimeout, cancellationToken, file, line)
            : @event.Wait(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Wait(TimeSpan, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the count reached zero.</returns>
    /// <exception cref="System.ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(CountdownEvent @event, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("CountdownEvent.Wait", file, line) is { } me
            ? CountdownModel.Wait(me, StandIn.NotNull(@event), Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line)
            : @event.Wait(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="System.Threading.CountdownEvent.Dispose()"/>. Inside an execution it disposes the model only; the real event is untouched.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Dispose(CountdownEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("CountdownEvent.Dispose", file, line) is { } me)
            CountdownModel.Dispose(me, StandIn.NotNull(@event));
        else
            @event.Dispose();
    }

    private static int Positive(int signalCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(signalCount);
        return signalCount;
    }

    private static int NotNegative(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count;
    }
}
