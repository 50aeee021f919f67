using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using RealEvent = System.Threading.ManualResetEventSlim;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.ManualResetEventSlim"/>, on the real events: inside a Loom execution
/// Set, Reset, IsSet and Wait are scheduling points on the event's model (<see cref="EventModel"/>, shared with the
/// Loom.Threading.ManualResetEventSlim mirror), which starts from whether the real event is set and disposed when
/// the execution first uses it; the real event is never changed there. Outside, each stand-in is the real member.
/// </summary>
[PassesThrough("get_SpinCount", "fixed at construction; Loom's waits never spin")]
[Intercepts(typeof(RealEvent))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ManualResetEventSlimCalls
{
    /// <summary>Stands in for <see cref="System.Threading.ManualResetEventSlim.ManualResetEventSlim()"/>.</summary>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>A new event, not set.</returns>
    public static RealEvent New([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new();

    /// <summary>Stands in for <see cref="System.Threading.ManualResetEventSlim.ManualResetEventSlim(bool)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new event.</returns>
    public static RealEvent New(bool initialState, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(initialState);

    /// <summary>Stands in for <see cref="System.Threading.ManualResetEventSlim.ManualResetEventSlim(bool, int)"/>.</summary>
    /// <param name="initialState">Whether the event starts set.</param>
    /// <param name="spinCount">How often a real wait spins before blocking; Loom's waits never spin.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new event.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="spinCount"/> is out of range.</exception>
    public static RealEvent New(bool initialState, int spinCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(initialState, spinCount);

    /// <summary>Stands in for <see cref="RealEvent.IsSet"/>; inside an execution a scheduling point.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event is set.</returns>
    public static bool get_IsSet(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ManualResetEventSlim.IsSet", file, line) is { } me
            ? EventModel.IsSet(me, EventModel.SlimState(me, StandIn.NotNull(@event)), "ManualResetEventSlim.IsSet")
            : @event.IsSet;

    /// <summary>Stands in for <see cref="RealEvent.WaitHandle"/>. Inside an execution it throws: a real wait handle is waited on outside Loom's control.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The event's wait handle.</returns>
    /// <exception cref="NotSupportedException">Called inside a Loom execution.</exception>
    public static WaitHandle get_WaitHandle(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.WaitHandle", file, line) is not null)
        {
            throw new NotSupportedException(Blocking.NotSupported(
                "ManualResetEventSlim.WaitHandle",
                "a WaitHandle is a real operating-system wait that Loom cannot schedule, so a thread waiting on it would block outside Loom's control. Call Wait on the event instead."));
        }
        return @event.WaitHandle;
    }

    /// <summary>Stands in for <see cref="RealEvent.Set"/>: sets the event, releasing every waiter.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Set(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Set", file, line) is { } me)
            EventModel.Set(me, EventModel.SlimState(me, StandIn.NotNull(@event)), "ManualResetEventSlim.Set", @event, throwIfDisposed: false, file, line);
        else
            @event.Set();
    }

    /// <summary>Stands in for <see cref="RealEvent.Reset"/>: clears the event.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static void Reset(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Reset", file, line) is { } me)
            EventModel.Reset(me, EventModel.SlimState(me, StandIn.NotNull(@event)), "ManualResetEventSlim.Reset", @event, file, line);
        else
            @event.Reset();
    }

    /// <summary>Stands in for <see cref="RealEvent.Wait()"/>: waits until the event is set.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static void Wait(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            WaitModel(me, @event, Timeout.Infinite, CancellationToken.None, file, line);
        else
            @event.Wait();
    }

    /// <summary>Stands in for <see cref="RealEvent.Wait(CancellationToken)"/>.</summary>
    /// <param name="event">The event.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static void Wait(RealEvent @event, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me)
            WaitModel(me, @event, Timeout.Infinite, cancellationToken, file, line);
        else
            @event.Wait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="RealEvent.Wait(int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(RealEvent @event, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me
            ? WaitModel(me, @event, millisecondsTimeout, CancellationToken.None, file, line)
            : @event.Wait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="RealEvent.Wait(TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(RealEvent @event, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me
            ? WaitModel(me, @event, Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line)
            : @event.Wait(timeout);

    /// <summary>Stands in for <see cref="RealEvent.Wait(int, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(RealEvent @event, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me
            ? WaitModel(me, @event, millisecondsTimeout, cancellationToken, file, line)
            : @event.Wait(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealEvent.Wait(TimeSpan, CancellationToken)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="event">The event.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(RealEvent @event, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("ManualResetEventSlim.Wait", file, line) is { } me
            ? WaitModel(me, @event, Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line)
            : @event.Wait(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="RealEvent.Dispose()"/>. Inside an execution it disposes the model only; the real event is untouched.</summary>
    /// <param name="event">The event.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Dispose(RealEvent @event, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("ManualResetEventSlim.Dispose", file, line) is { } me)
            EventModel.Dispose(me, EventModel.SlimState(me, StandIn.NotNull(@event)), "ManualResetEventSlim.Dispose");
        else
            @event.Dispose();
    }

    private static bool WaitModel(LogicalThread me, RealEvent @event, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line) =>
        EventModel.Wait(me, EventModel.SlimState(me, StandIn.NotNull(@event)), "ManualResetEventSlim.Wait", @event, millisecondsTimeout, cancellationToken, file, line);
}
