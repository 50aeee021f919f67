using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.CountdownEvent"/>, shared by the <see cref="Loom.Threading.CountdownEvent"/>
/// mirror (on its real event) and the stand-ins for the real type (Loom.Interception.CountdownEventCalls): every
/// member is a scheduling point on the event's <see cref="CountdownState"/>; an untimed Wait blocks until the count
/// reaches zero. The model starts from the real event's counts and disposal when the execution first uses it, and
/// the real event is never changed inside an execution.
/// </summary>
internal static class CountdownModel
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_disposed")]
    private static extern ref bool DisposedField(System.Threading.CountdownEvent countdown);

    private static bool DisposedOf(System.Threading.CountdownEvent countdown) => DisposedField(countdown);

    public static T Read<T>(LogicalThread me, System.Threading.CountdownEvent real, string api, Func<CountdownState, T> model)
    {
        var state = State(me, real);
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, model(state));
    }

    public static bool Signal(LogicalThread me, System.Threading.CountdownEvent real, int signalCount, string? file, int line)
    {
        var state = State(me, real);
        // Signals are often in finally blocks; whether a signal sets the event depends on the others' order, so it is a write.
        Blocking.Step(me, state, "CountdownEvent.Signal", AccessKind.Write, file, line, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting)
            return false;
        ThrowIfDisposed(state, real);
        if (state.CurrentCount < signalCount)
        {
            Blocking.Record(me, $"count {state.CurrentCount}: below zero");
            throw new InvalidOperationException("Invalid attempt made to decrement the event's count below zero.");
        }
        state.CurrentCount -= signalCount;
        Blocking.Record(me, $"count {state.CurrentCount + signalCount}->{state.CurrentCount}");
        return state.CurrentCount == 0;
    }

    public static bool Add(LogicalThread me, System.Threading.CountdownEvent real, int signalCount, string api, bool throwIfSet, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.CurrentCount == 0)
        {
            Blocking.Record(me, "already set");
            if (throwIfSet)
                throw new InvalidOperationException("The event is already signaled and cannot be incremented.");
            return false;
        }
        if (state.CurrentCount > int.MaxValue - signalCount)
            throw new InvalidOperationException("The increment operation would cause the CurrentCount to overflow.");
        state.CurrentCount += signalCount;
        Blocking.Record(me, $"count {state.CurrentCount - signalCount}->{state.CurrentCount}");
        return true;
    }

    public static void Reset(LogicalThread me, System.Threading.CountdownEvent real, int? count, string? file, int line)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "CountdownEvent.Reset", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (count is { } newCount)
            state.InitialCount = newCount;
        state.CurrentCount = state.InitialCount;
        Blocking.Record(me, $"count {state.CurrentCount}");
    }

    public static bool Wait(LogicalThread me, System.Threading.CountdownEvent real, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        var state = State(me, real);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Blocking.Wait(me, state, "CountdownEvent.Wait", AccessKind.Read, 0, cancellationToken, file, line);
            ThrowIfDisposed(state, real);
            return true;
        }
        Blocking.Step(me, state, "CountdownEvent.Wait", AccessKind.Read, file, line);
        ThrowIfDisposed(state, real);
        var set = state.CurrentCount == 0;
        if (!set)
            CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        return Blocking.Outcome(me, set);
    }

    private static void ThrowIfDisposed(CountdownState state, System.Threading.CountdownEvent real) => ObjectDisposedException.ThrowIf(state.Disposed, real);

    /// <summary>The event's model in the calling thread's execution, made on first use from the real event's counts and disposal.</summary>
    public static CountdownState State(LogicalThread me, System.Threading.CountdownEvent real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var countdown = (System.Threading.CountdownEvent)key;
            return new CountdownState(execution, countdown.InitialCount) { CurrentCount = countdown.CurrentCount, Disposed = DisposedOf(countdown) };
        });

    /// <summary>Disposes the event in the model: later signals and waits in this execution throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose(LogicalThread me, System.Threading.CountdownEvent real)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "CountdownEvent.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Disposed = true;
    }
}
