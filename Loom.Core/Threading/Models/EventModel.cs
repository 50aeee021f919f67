using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;
using Microsoft.Win32.SafeHandles;

namespace Loom.Threading.Models;

/// <summary>
/// The model of the events (<see cref="System.Threading.ManualResetEventSlim"/>, <see cref="System.Threading.EventWaitHandle"/>
/// and its <see cref="System.Threading.ManualResetEvent"/> and <see cref="System.Threading.AutoResetEvent"/>), shared by
/// the mirrors and the stand-ins for the real types (Loom.Interception.ManualResetEventSlimCalls, EventWaitHandleCalls,
/// WaitHandleCalls): set, reset and wait are scheduling points on the event's <see cref="EventState"/>. An untimed
/// wait blocks until the event is set (a wait nothing will set is reported as a deadlock); a wait on an auto-reset
/// event consumes the signal. The model of a real event starts from its state when the execution first uses it, and
/// the real event is never changed inside an execution (see <see cref="HandleState"/> for the one exception).
/// </summary>
internal static class EventModel
{
    /// <summary>The bit of ManualResetEventSlim's private state word that its Dispose sets.</summary>
    private const int SlimDisposedBit = 0x40000000;

    /// <summary>The reset mode of every EventWaitHandle that rewritten code constructed (EventWaitHandleCalls.New): the real type does not expose it.</summary>
    private static readonly ConditionalWeakTable<System.Threading.EventWaitHandle, StrongBox<EventResetMode>> s_modes = new();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_combinedState")]
    private static extern ref int SlimStateOf(System.Threading.ManualResetEventSlim slim);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_waitHandle")]
    private static extern ref SafeWaitHandle? HandleOf(System.Threading.WaitHandle handle);

    /// <summary>The model of a real ManualResetEventSlim in the calling thread's execution, made on first use from whether it is set and disposed.</summary>
    public static EventState SlimState(LogicalThread me, System.Threading.ManualResetEventSlim real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var slim = (System.Threading.ManualResetEventSlim)key;
            return new EventState(execution, "ManualResetEventSlim", slim.IsSet, autoReset: false) { Disposed = (SlimStateOf(slim) & SlimDisposedBit) != 0 };
        });

    /// <summary>Records the reset mode of an EventWaitHandle that rewritten code constructed.</summary>
    public static void RecordMode(System.Threading.EventWaitHandle handle, EventResetMode mode) => s_modes.AddOrUpdate(handle, new StrongBox<EventResetMode>(mode));

    /// <summary>
    /// The model of a real EventWaitHandle in the calling thread's execution, made on first use from whether it is
    /// set and disposed, and its reset mode: known from its type (ManualResetEvent, AutoResetEvent), recorded when
    /// rewritten code constructed it, or else probed. Neither the state nor the mode of an OS event can be read
    /// without waiting on it, so the model reads them with zero-timeout waits and puts back a signal such a wait
    /// consumed: the real event ends as it was, but another process waiting on a named event could take that signal
    /// in between.
    /// </summary>
    public static EventState HandleState(LogicalThread me, System.Threading.EventWaitHandle real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var handle = (System.Threading.EventWaitHandle)key;
            var kind = handle.GetType().Name;
            if (HandleOf(handle) is not { IsClosed: false })
                return new EventState(execution, kind, false, autoReset: false) { Disposed = true };
            var (set, autoReset) = Probe(handle);
            return new EventState(execution, kind, set, autoReset);
        });

    /// <summary>Whether the event is set: a scheduling point that reads it.</summary>
    public static bool IsSet(LogicalThread me, EventState state, string api)
    {
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, state.IsSet);
    }

    /// <summary>
    /// Sets the event, releasing every waiter (manual reset) or one (auto reset). Setting an already set event is
    /// lost, and an auto-reset wait consumes the signal: Set does not commute with waits.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The event was disposed and <paramref name="throwIfDisposed"/> (WaitHandle events; a ManualResetEventSlim ignores it, as in .NET).</exception>
    public static void Set(LogicalThread me, EventState state, string api, object owner, bool throwIfDisposed, string? file, int line)
    {
        Blocking.Step(me, state, api, AccessKind.Write, file, line, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting)
            return;
        if (throwIfDisposed)
            ThrowIfDisposed(state, owner);
        Blocking.Record(me, state.IsSet ? "already set" : "set");
        state.IsSet = true;
    }

    /// <summary>Clears the event, so that waits block.</summary>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static void Reset(LogicalThread me, EventState state, string api, object owner, string? file, int line)
    {
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        ThrowIfDisposed(state, owner);
        Blocking.Record(me, state.IsSet ? "reset" : "already reset");
        state.IsSet = false;
        state.ResetAt = $"{Blocking.Where(file, line)} by {me.Label}";
    }

    /// <summary>
    /// Waits for the event (and, for an auto-reset event, resets it). An untimed wait blocks; a finite timeout never
    /// blocks: the wait succeeds if the event is set when the scheduler runs it, and otherwise times out. A manual-reset
    /// wait only observes the event, so concurrent waits commute; an auto-reset wait takes the signal, like a lock.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static bool Wait(LogicalThread me, EventState state, string api, object owner, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Blocking.Wait(me, state, api, state.AutoReset ? AccessKind.Acquire : AccessKind.Read, 0, cancellationToken, file, line);
            ThrowIfDisposed(state, owner);
            Consume(me, state, api, file, line);
            return true;
        }
        Blocking.Step(me, state, api, state.AutoReset ? AccessKind.Write : AccessKind.Read, file, line);
        ThrowIfDisposed(state, owner);
        if (!state.IsSet)
        {
            CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
            return Blocking.Outcome(me, false);
        }
        Consume(me, state, api, file, line);
        return Blocking.Outcome(me, true);
    }

    /// <summary>Whether a wait could take the event now (it is set and not disposed), for WaitAny and WaitAll; no scheduling point.</summary>
    public static bool CanTake(EventState state) => state.IsSet;

    /// <summary>Takes the event for a wait that found it set (an auto-reset event resets), for WaitAny and WaitAll.</summary>
    public static void Consume(LogicalThread me, EventState state, string api, string? file, int line)
    {
        if (!state.AutoReset)
            return;
        state.IsSet = false;
        state.ResetAt = $"{Blocking.Where(file, line)}, where {me.Label}'s {api[(api.LastIndexOf('.') + 1)..]} consumed the signal";
    }

    /// <summary>Disposes the event in the model: later calls in this execution throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose(LogicalThread me, EventState state, string api)
    {
        Blocking.Step(me, state, api, AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Disposed = true;
    }

    /// <summary>Throws what a disposed event throws.</summary>
    /// <exception cref="ObjectDisposedException">The event was disposed.</exception>
    public static void ThrowIfDisposed(EventState state, object owner) => ObjectDisposedException.ThrowIf(state.Disposed, owner);

    /// <summary>Reads a real event's state and reset mode, leaving it as it was (see <see cref="HandleState"/>).</summary>
    private static (bool Set, bool AutoReset) Probe(System.Threading.EventWaitHandle handle)
    {
        bool? autoReset = handle switch
        {
            System.Threading.AutoResetEvent => true,
            System.Threading.ManualResetEvent => false,
            _ => s_modes.TryGetValue(handle, out var mode) ? mode.Value == EventResetMode.AutoReset : null,
        };
        var set = handle.WaitOne(0);
        if (autoReset is null)
        {
            // A second zero wait tells the modes apart: a manual-reset event stays set, an auto-reset one was consumed.
            if (!set)
            {
                handle.Set();
                handle.WaitOne(0);
            }
            autoReset = !handle.WaitOne(0);
            if (!set && !autoReset.Value)
                handle.Reset();
        }
        if (set && autoReset.Value)
            handle.Set();
        return (set, autoReset.Value);
    }
}
