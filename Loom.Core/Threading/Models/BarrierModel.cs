using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.Barrier"/>, shared by the <see cref="Loom.Threading.Barrier"/> mirror
/// (on its real barrier) and the stand-ins for the real type (Loom.Interception.BarrierCalls): signalling is a
/// scheduling point on the barrier's <see cref="BarrierState"/>, and a participant then blocks until its phase ends.
/// The post-phase action is the real barrier's (a private field, read with <see cref="UnsafeAccessorAttribute"/>; the
/// mirror's wraps the user's action) and runs on the last thread to arrive, as in .NET. The model starts from the
/// real barrier's participants, phase and disposal when the execution first uses it; the real barrier is never
/// changed inside an execution.
/// </summary>
internal static class BarrierModel
{
    /// <summary>The most participants a barrier may have, as in .NET.</summary>
    private const int MaxParticipants = 32767;

    private const string CalledFromPostPhaseAction = "This method may not be called from within the postPhaseAction.";

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_postPhaseAction")]
    private static extern ref Action<System.Threading.Barrier>? PostPhaseActionOf(System.Threading.Barrier barrier);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_disposed")]
    private static extern ref bool DisposedOf(System.Threading.Barrier barrier);

    /// <summary>
    /// The barrier's model in the calling thread's execution, made on first use from the real barrier. A barrier
    /// that real threads already wait at cannot be modelled (those threads are outside Loom's control): the execution fails.
    /// </summary>
    public static BarrierState State(LogicalThread me, System.Threading.Barrier real)
    {
        var state = me.Execution.ModelOf(real, static (execution, key) =>
        {
            var barrier = (System.Threading.Barrier)key;
            var disposed = DisposedOf(barrier);
            return new BarrierState(execution, disposed ? 0 : barrier.ParticipantCount)
            {
                Phase = disposed ? 0 : barrier.CurrentPhaseNumber,
                Disposed = disposed,
                ArrivedOutside = !disposed && barrier.ParticipantsRemaining != barrier.ParticipantCount,
            };
        });
        if (state.ArrivedOutside)
        {
            me.Execution.Fail(
                FailureKind.UncontrolledConcurrency,
                $"{me.Label} used a Barrier that real threads were already waiting at when the execution first used it ({real.ParticipantCount - real.ParticipantsRemaining} of {real.ParticipantCount} had signalled): they are outside Loom's control. Use a barrier only inside the execution.",
                me);
            throw new ExecutionAbortedException();
        }
        return state;
    }

    /// <summary>Reads the barrier: a scheduling point.</summary>
    public static T Read<T>(LogicalThread me, System.Threading.Barrier real, string api, Func<BarrierState, T> model)
    {
        var state = State(me, real);
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, model(state));
    }

    /// <summary>Adds participants; called while the post-phase action runs, it waits for the action to finish.</summary>
    public static long AddParticipants(LogicalThread me, System.Threading.Barrier real, int participantCount, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participantCount);
        if (participantCount > MaxParticipants)
            throw TooManyParticipants(participantCount);
        var state = State(me, real);
        ThrowIfInPostPhaseAction(me, state);
        Blocking.Step(me, state, "Barrier.AddParticipants", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (participantCount + state.ParticipantCount > MaxParticipants)
            throw TooManyParticipants(participantCount);
        state.ParticipantCount += participantCount;
        var phase = state.Phase;
        Blocking.Record(me, $"{state.ParticipantCount} participants");
        if (state.ActionRunner is null)
            return phase;
        // The current phase is ending: the new participants join the next one, once the post-phase action is done.
        Blocking.Wait(me, state, "Barrier.AddParticipants", AccessKind.Read, phase, CancellationToken.None, file, line);
        return phase + 1;
    }

    /// <summary>Removes participants; if the participants left have all arrived, the phase ends and the caller runs the post-phase action.</summary>
    public static void RemoveParticipants(LogicalThread me, System.Threading.Barrier real, int participantCount, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participantCount);
        var state = State(me, real);
        ThrowIfInPostPhaseAction(me, state);
        Blocking.Step(me, state, "Barrier.RemoveParticipants", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.ParticipantCount < participantCount)
            throw new ArgumentOutOfRangeException(nameof(participantCount), "The participantCount argument must be less than or equal the number of participants.");
        if (state.ParticipantCount - participantCount < state.Arrived)
            throw new InvalidOperationException("The participantCount argument is greater than the number of participants that haven't yet arrived at the barrier in this phase.");
        state.ParticipantCount -= participantCount;
        Blocking.Record(me, $"{state.ParticipantCount} participants");
        if (state.ParticipantCount > 0 && state.Arrived == state.ParticipantCount)
            FinishPhase(me, real, state, file, line);
    }

    /// <summary>Arrives, and waits until every participant has arrived (a finite timeout never blocks: the wait succeeds if the phase has ended when the scheduler runs it, and otherwise withdraws the arrival).</summary>
    public static bool SignalAndWait(LogicalThread me, System.Threading.Barrier real, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The specified timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        var state = State(me, real);
        ThrowIfInPostPhaseAction(me, state);

        // Arriving: whether this thread is the last depends on the others' arrivals, so it conflicts with them.
        Blocking.Step(me, state, "Barrier.SignalAndWait", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.ParticipantCount == 0)
            throw new InvalidOperationException("The barrier has no registered participants.");
        if (state.ActionRunner is not null)
            throw new InvalidOperationException("The number of threads using the barrier exceeded the total number of registered participants.");
        var phase = state.Phase;
        if (state.Arrived + 1 == state.ParticipantCount)
        {
            Blocking.Record(me, $"last of {state.ParticipantCount} (phase {phase})");
            state.ClearArrivals();
            FinishPhase(me, real, state, file, line);
            return true;
        }
        state.Arrive(me);
        Blocking.Record(me, $"{state.Arrived} of {state.ParticipantCount} (phase {phase})");

        if (millisecondsTimeout == Timeout.Infinite)
        {
            // Only observes the phase number, unless a cancellation may make it withdraw its arrival.
            var access = cancellationToken.CanBeCanceled ? AccessKind.Write : AccessKind.Read;
            try
            {
                Blocking.Wait(me, state, "Barrier.SignalAndWait", access, phase, cancellationToken, file, line);
            }
            catch (OperationCanceledException)
            {
                state.Withdraw(me);
                throw;
            }
        }
        else
        {
            Blocking.Step(me, state, "Barrier.SignalAndWait", AccessKind.Write, file, line);
            if (state.Phase == phase)
            {
                state.Withdraw(me);
                CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
                return Blocking.Outcome(me, false);
            }
            Blocking.Outcome(me, true);
        }
        if (state.ActionException is { } failure)
            throw new BarrierPostPhaseException(failure);
        return true;
    }

    /// <summary>Throws if the caller is running the barrier's post-phase action, as .NET does for Dispose.</summary>
    public static void CheckDispose(LogicalThread me, System.Threading.Barrier real) => ThrowIfInPostPhaseAction(me, State(me, real));

    /// <summary>Disposes the barrier in the model: later calls that change it throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose(LogicalThread me, System.Threading.Barrier real)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "Barrier.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Disposed = true;
    }

    /// <summary>Ends the phase on the last thread to arrive: runs the post-phase action, then releases the participants.</summary>
    private static void FinishPhase(LogicalThread me, System.Threading.Barrier real, BarrierState state, string? file, int line)
    {
        if (PostPhaseActionOf(real) is not { } action)
        {
            state.Phase++;
            return;
        }
        state.ActionRunner = me;
        Exception? failure = null;
        try
        {
            action(real);
        }
        catch (Exception ex) when (ex is not ExecutionAbortedException)
        {
            failure = ex;
        }
        // The phase ends at a scheduling point of its own, after everything the action did.
        Blocking.Step(me, state, "Barrier.SignalAndWait", AccessKind.Write, file, line);
        Blocking.Record(me, failure is null ? $"phase {state.Phase} ended" : $"phase {state.Phase} ended; the post-phase action threw {failure.GetType().Name}");
        state.ActionRunner = null;
        state.ActionException = failure;
        state.Phase++;
        if (failure is not null)
            throw new BarrierPostPhaseException(failure);
    }

    private static void ThrowIfInPostPhaseAction(LogicalThread me, BarrierState state)
    {
        if (state.ActionRunner == me)
            throw new InvalidOperationException(CalledFromPostPhaseAction);
    }

    private static ArgumentOutOfRangeException TooManyParticipants(int participantCount) =>
        new(nameof(participantCount), "Adding participantCount participants would result in the number of participants exceeding the maximum number allowed.");

    private static void ThrowIfDisposed(BarrierState state, System.Threading.Barrier real) => ObjectDisposedException.ThrowIf(state.Disposed, real);
}
