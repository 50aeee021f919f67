using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Loom.Threading.Models;
using Blocking = Loom.Threading.Blocking;
using MemoryAccess = Loom.Threading.MemoryAccess;
using Timeouts = Loom.Threading.Timeouts;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="WaitHandle"/>'s waits, which is where every call site that waits on an event lands
/// (<c>anEvent.WaitOne()</c> compiles to <c>WaitHandle::WaitOne</c>). Inside a Loom execution a wait on an
/// <see cref="EventWaitHandle"/> (<see cref="ManualResetEvent"/>, <see cref="AutoResetEvent"/>) is a scheduling point
/// on the event's model (<see cref="EventModel"/>); a wait on any other handle (a <see cref="Mutex"/>, a
/// <see cref="Semaphore"/>, a handle from elsewhere) would block outside Loom's control, so it fails the execution,
/// naming the handle's type. Outside an execution each stand-in is the real member.
/// <para>
/// WaitAny and WaitAll poll their events one scheduling point each, then block until any (all) of them is set, and
/// poll again. WaitAll takes all its events at once only when the poll of its last event finds them all set: a Set
/// of an earlier event between that event's poll and the last one is seen, but partial-order reduction may not try
/// every such order.
/// </para>
/// </summary>
[PassesThrough("get_Handle", OsHandle)]
[PassesThrough("set_Handle", OsHandle)]
[PassesThrough("get_SafeWaitHandle", OsHandle)]
[PassesThrough("set_SafeWaitHandle", OsHandle)]
[Intercepts(typeof(WaitHandle))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WaitHandleCalls
{
    private const string OsHandle = "the OS handle: what native code does with it is outside Loom";

    /// <summary>The most handles WaitAny and WaitAll accept, as in .NET.</summary>
    private const int MaxWaitHandles = 64;

    /// <summary>Stands in for <see cref="WaitHandle.WaitOne()"/>: waits until the event is set (an auto-reset event then resets).</summary>
    /// <param name="handle">The handle to wait on.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns><see langword="true"/> once the event was set.</returns>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public static bool WaitOne(WaitHandle handle, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitOne", file, line) is { } me
            ? WaitOneModel(me, handle, Timeout.Infinite, file, line)
            : handle.WaitOne();

    /// <summary>Stands in for <see cref="WaitHandle.WaitOne(int)"/>; inside an execution a finite timeout never blocks (the wait succeeds if the event is set when the scheduler runs it, and otherwise times out).</summary>
    /// <param name="handle">The handle to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitOne", file, line) is { } me
            ? WaitOneModel(me, handle, millisecondsTimeout, file, line)
            : handle.WaitOne(millisecondsTimeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitOne(TimeSpan)"/>; see <see cref="WaitOne(WaitHandle, int, string?, int)"/>.</summary>
    /// <param name="handle">The handle to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitOne", file, line) is { } me
            ? WaitOneModel(me, handle, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : handle.WaitOne(timeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitOne(int, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="handle">The handle to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public static bool WaitOne(WaitHandle handle, int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitOne", file, line) is { } me
            ? WaitOneModel(me, handle, millisecondsTimeout, file, line)
            : handle.WaitOne(millisecondsTimeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.WaitOne(TimeSpan, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="handle">The handle to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the event was set.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public static bool WaitOne(WaitHandle handle, TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitOne", file, line) is { } me
            ? WaitOneModel(me, handle, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : handle.WaitOne(timeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAny(WaitHandle[])"/>: waits until any of the events is set.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The index of the event that satisfied the wait.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty.</exception>
    /// <exception cref="NotSupportedException"><paramref name="waitHandles"/> has more than 64 handles.</exception>
    public static int WaitAny(WaitHandle[] waitHandles, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAny", file, line) is { } me
            ? WaitAnyModel(me, waitHandles, Timeout.Infinite, file, line)
            : WaitHandle.WaitAny(waitHandles);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAny(WaitHandle[], int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The index of the event that satisfied the wait, or <see cref="WaitHandle.WaitTimeout"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAny", file, line) is { } me
            ? WaitAnyModel(me, waitHandles, millisecondsTimeout, file, line)
            : WaitHandle.WaitAny(waitHandles, millisecondsTimeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAny(WaitHandle[], TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The index of the event that satisfied the wait, or <see cref="WaitHandle.WaitTimeout"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAny", file, line) is { } me
            ? WaitAnyModel(me, waitHandles, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : WaitHandle.WaitAny(waitHandles, timeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAny(WaitHandle[], int, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The index of the event that satisfied the wait, or <see cref="WaitHandle.WaitTimeout"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static int WaitAny(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAny", file, line) is { } me
            ? WaitAnyModel(me, waitHandles, millisecondsTimeout, file, line)
            : WaitHandle.WaitAny(waitHandles, millisecondsTimeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAny(WaitHandle[], TimeSpan, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The index of the event that satisfied the wait, or <see cref="WaitHandle.WaitTimeout"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static int WaitAny(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAny", file, line) is { } me
            ? WaitAnyModel(me, waitHandles, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : WaitHandle.WaitAny(waitHandles, timeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAll(WaitHandle[])"/>: waits until every event is set, and takes them all at once.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns><see langword="true"/> once every event was set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty, or holds the same handle twice (<see cref="DuplicateWaitObjectException"/>).</exception>
    public static bool WaitAll(WaitHandle[] waitHandles, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAll", file, line) is { } me
            ? WaitAllModel(me, waitHandles, Timeout.Infinite, file, line)
            : WaitHandle.WaitAll(waitHandles);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAll(WaitHandle[], int)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every event was set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty, or holds the same handle twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAll", file, line) is { } me
            ? WaitAllModel(me, waitHandles, millisecondsTimeout, file, line)
            : WaitHandle.WaitAll(waitHandles, millisecondsTimeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAll(WaitHandle[], TimeSpan)"/>; inside an execution a finite timeout never blocks.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every event was set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty, or holds the same handle twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAll", file, line) is { } me
            ? WaitAllModel(me, waitHandles, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : WaitHandle.WaitAll(waitHandles, timeout);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAll(WaitHandle[], int, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every event was set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty, or holds the same handle twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool WaitAll(WaitHandle[] waitHandles, int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAll", file, line) is { } me
            ? WaitAllModel(me, waitHandles, millisecondsTimeout, file, line)
            : WaitHandle.WaitAll(waitHandles, millisecondsTimeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.WaitAll(WaitHandle[], TimeSpan, bool)"/>; <paramref name="exitContext"/> has no effect, as in .NET.</summary>
    /// <param name="waitHandles">The handles to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every event was set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="waitHandles"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="waitHandles"/> is empty, or holds the same handle twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static bool WaitAll(WaitHandle[] waitHandles, TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.WaitAll", file, line) is { } me
            ? WaitAllModel(me, waitHandles, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : WaitHandle.WaitAll(waitHandles, timeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle)"/>. Inside an execution the Set and the wait are two scheduling points, one after the other.</summary>
    /// <param name="toSignal">The event to set.</param>
    /// <param name="toWaitOn">The event to wait on.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns><see langword="true"/> once the wait succeeded.</returns>
    /// <exception cref="ArgumentNullException">A handle is <see langword="null"/>.</exception>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.SignalAndWait", file, line) is { } me
            ? SignalAndWaitModel(me, toSignal, toWaitOn, Timeout.Infinite, file, line)
            : WaitHandle.SignalAndWait(toSignal, toWaitOn);

    /// <summary>Stands in for <see cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle, int, bool)"/>; see <see cref="SignalAndWait(WaitHandle, WaitHandle, string?, int)"/>.</summary>
    /// <param name="toSignal">The event to set.</param>
    /// <param name="toWaitOn">The event to wait on.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the wait succeeded.</returns>
    /// <exception cref="ArgumentNullException">A handle is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn, int millisecondsTimeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.SignalAndWait", file, line) is { } me
            ? SignalAndWaitModel(me, toSignal, toWaitOn, millisecondsTimeout, file, line)
            : WaitHandle.SignalAndWait(toSignal, toWaitOn, millisecondsTimeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.SignalAndWait(WaitHandle, WaitHandle, TimeSpan, bool)"/>; see <see cref="SignalAndWait(WaitHandle, WaitHandle, string?, int)"/>.</summary>
    /// <param name="toSignal">The event to set.</param>
    /// <param name="toWaitOn">The event to wait on.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="exitContext">Ignored.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether the wait succeeded.</returns>
    /// <exception cref="ArgumentNullException">A handle is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or too large.</exception>
    public static bool SignalAndWait(WaitHandle toSignal, WaitHandle toWaitOn, TimeSpan timeout, bool exitContext, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("WaitHandle.SignalAndWait", file, line) is { } me
            ? SignalAndWaitModel(me, toSignal, toWaitOn, Timeouts.ToMilliseconds(timeout, nameof(timeout)), file, line)
            : WaitHandle.SignalAndWait(toSignal, toWaitOn, timeout, exitContext);

    /// <summary>Stands in for <see cref="WaitHandle.Close"/>: inside an execution, for an event, disposes its model only; any other handle is closed for real.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Close(WaitHandle handle, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => DisposeCore(handle, "Close", file, line);

    /// <summary>Stands in for <see cref="WaitHandle.Dispose()"/>: inside an execution, for an event, disposes its model only; any other handle is disposed for real.</summary>
    /// <param name="handle">The handle.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    public static void Dispose(WaitHandle handle, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => DisposeCore(handle, "Dispose", file, line);

    private static void DisposeCore(WaitHandle handle, string member, string? file, int line)
    {
        if (LoomRuntime.Controlled($"WaitHandle.{member}", file, line) is { } me && StandIn.NotNull(handle) is EventWaitHandle @event)
        {
            EventModel.Dispose(me, EventModel.HandleState(me, @event), $"{@event.GetType().Name}.{member}");
            return;
        }
        if (member == "Close")
            handle.Close();
        else
            handle.Dispose();
    }

    private static bool WaitOneModel(LogicalThread me, WaitHandle handle, int millisecondsTimeout, string? file, int line)
    {
        var @event = Event(me, StandIn.NotNull(handle), "WaitHandle.WaitOne", file, line);
        return EventModel.Wait(me, EventModel.HandleState(me, @event), $"{@event.GetType().Name}.WaitOne", @event, millisecondsTimeout, CancellationToken.None, file, line);
    }

    private static int WaitAnyModel(LogicalThread me, WaitHandle[] waitHandles, int millisecondsTimeout, string? file, int line)
    {
        const string api = "WaitHandle.WaitAny";
        var (events, states) = Events(me, waitHandles, millisecondsTimeout, api, all: false, file, line);
        while (true)
        {
            for (var i = 0; i < states.Length; i++)
            {
                Blocking.Step(me, states[i], api, AccessKind.Write, file, line);
                EventModel.ThrowIfDisposed(states[i], events[i]);
                if (EventModel.CanTake(states[i]))
                {
                    EventModel.Consume(me, states[i], api, file, line);
                    return MemoryAccess.Result(me, i);
                }
            }
            if (millisecondsTimeout != Timeout.Infinite)
            {
                Blocking.Outcome(me, false);
                return WaitHandle.WaitTimeout;
            }
            me.Execution.Schedule(me, new Operation(api, AccessKind.None, new EventGroupState(me.Execution, states, all: false), file, line));
        }
    }

    private static bool WaitAllModel(LogicalThread me, WaitHandle[] waitHandles, int millisecondsTimeout, string? file, int line)
    {
        const string api = "WaitHandle.WaitAll";
        var (events, states) = Events(me, waitHandles, millisecondsTimeout, api, all: true, file, line);
        while (true)
        {
            for (var i = 0; i < states.Length; i++)
            {
                Blocking.Step(me, states[i], api, AccessKind.Write, file, line);
                EventModel.ThrowIfDisposed(states[i], events[i]);
            }
            if (Array.TrueForAll(states, EventModel.CanTake))
            {
                foreach (var state in states)
                    EventModel.Consume(me, state, api, file, line);
                return Blocking.Outcome(me, true);
            }
            if (millisecondsTimeout != Timeout.Infinite)
                return Blocking.Outcome(me, false);
            me.Execution.Schedule(me, new Operation(api, AccessKind.None, new EventGroupState(me.Execution, states, all: true), file, line));
        }
    }

    private static bool SignalAndWaitModel(LogicalThread me, WaitHandle toSignal, WaitHandle toWaitOn, int millisecondsTimeout, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(toSignal);
        ArgumentNullException.ThrowIfNull(toWaitOn);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        var signal = Event(me, toSignal, "WaitHandle.SignalAndWait", file, line);
        var wait = Event(me, toWaitOn, "WaitHandle.SignalAndWait", file, line);
        EventModel.Set(me, EventModel.HandleState(me, signal), $"{signal.GetType().Name}.Set", signal, throwIfDisposed: true, file, line);
        return EventModel.Wait(me, EventModel.HandleState(me, wait), $"{wait.GetType().Name}.WaitOne", wait, millisecondsTimeout, CancellationToken.None, file, line);
    }

    /// <summary>Checks a WaitAny or WaitAll's arguments as .NET does, and finds the model of each event.</summary>
    private static (EventWaitHandle[] Events, EventState[] States) Events(LogicalThread me, WaitHandle[] waitHandles, int millisecondsTimeout, string api, bool all, string? file, int line)
    {
        ArgumentNullException.ThrowIfNull(waitHandles);
        if (waitHandles.Length == 0)
            throw new ArgumentException("The waitHandles array must contain at least one element.", nameof(waitHandles));
        if (waitHandles.Length > MaxWaitHandles)
            throw new NotSupportedException($"The number of WaitHandles must be less than or equal to {MaxWaitHandles}.");
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        var events = new EventWaitHandle[waitHandles.Length];
        var seen = new HashSet<WaitHandle>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < waitHandles.Length; i++)
        {
            var handle = waitHandles[i] ?? throw new ArgumentNullException(nameof(waitHandles), "At least one element in the specified array was null.");
            if (all && !seen.Add(handle))
                throw new DuplicateWaitObjectException(nameof(waitHandles));
            events[i] = Event(me, handle, api, file, line);
        }
        return (events, Array.ConvertAll(events, e => EventModel.HandleState(me, e)));
    }

    /// <summary>The handle as an event Loom models; any other handle fails the execution, naming its type.</summary>
    private static EventWaitHandle Event(LogicalThread me, WaitHandle handle, string api, string? file, int line)
    {
        if (handle is EventWaitHandle @event)
            return @event;
        throw StandIn.Uncontrolled(
            me,
            $"{api} waited on a {handle.GetType().FullName}, which Loom does not model (it models EventWaitHandle, ManualResetEvent and AutoResetEvent): " +
            "the wait would block outside Loom's control. Use SemaphoreSlim instead of Semaphore, and Monitor, Lock or SemaphoreSlim instead of Mutex",
            file,
            line);
    }
}
