using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Barrier"/>. Inside a Loom execution signalling is a scheduling point on the
/// barrier's model, and a participant then blocks until its phase ends; a phase whose participants never all arrive
/// is reported as a deadlock. The post-phase action runs on the last thread to arrive, as in .NET, and its
/// operations are scheduled like any other. Elsewhere every member is the real barrier's. Each execution sees the
/// barrier as constructed.
/// </summary>
public class Barrier : IDisposable
{
    /// <summary>The most participants a barrier may have, as in .NET.</summary>
    private const int MaxParticipants = 32767;

    private const string CalledFromPostPhaseAction = "This method may not be called from within the postPhaseAction.";

    private readonly System.Threading.Barrier _real;
    private readonly int _participantCount;
    private readonly Action<Barrier>? _postPhaseAction;

    /// <summary>Mirrors <see cref="System.Threading.Barrier(int)"/>.</summary>
    /// <param name="participantCount">How many threads take part.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is negative or greater than 32,767.</exception>
    public Barrier(int participantCount)
        : this(participantCount, null)
    {
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier(int, Action{System.Threading.Barrier})"/>.</summary>
    /// <param name="participantCount">How many threads take part.</param>
    /// <param name="postPhaseAction">Run by the last thread to arrive in each phase, before the others are released; may be <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is negative or greater than 32,767.</exception>
    public Barrier(int participantCount, Action<Barrier>? postPhaseAction)
    {
        _real = new System.Threading.Barrier(participantCount, postPhaseAction is null ? null : _ => postPhaseAction(this));
        _participantCount = participantCount;
        _postPhaseAction = postPhaseAction;
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier.ParticipantCount"/>. Inside an execution, a scheduling point.</summary>
    public int ParticipantCount => ReadModel("Barrier.ParticipantCount", static state => state.ParticipantCount, static real => real.ParticipantCount);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.ParticipantsRemaining"/>: participants that have not arrived in the current phase. Inside an execution, a scheduling point.</summary>
    public int ParticipantsRemaining => ReadModel("Barrier.ParticipantsRemaining", static state => state.ParticipantCount - state.Arrived, static real => real.ParticipantsRemaining);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.CurrentPhaseNumber"/>. Inside an execution, a scheduling point.</summary>
    public long CurrentPhaseNumber => ReadModel("Barrier.CurrentPhaseNumber", static state => state.Phase, static real => real.CurrentPhaseNumber);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.AddParticipant()"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The phase in which the new participant first takes part.</returns>
    /// <exception cref="InvalidOperationException">Called from the post-phase action.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The barrier already has 32,767 participants.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public long AddParticipant([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        AddParticipants(1, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Barrier.AddParticipants(int)"/>. Called while the post-phase action runs,
    /// it waits for the action to finish, and the new participants take part from the next phase.
    /// </summary>
    /// <param name="participantCount">How many participants to add.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>The phase in which the new participants first take part.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is less than 1, or the barrier would have more than 32,767 participants.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public long AddParticipants(int participantCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.AddParticipants", file, line) is not { } me)
            return _real.AddParticipants(participantCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participantCount);
        if (participantCount > MaxParticipants)
            throw TooManyParticipants(participantCount);
        var state = State(me);
        ThrowIfInPostPhaseAction(me, state);
        Blocking.Step(me, state, "Barrier.AddParticipants", AccessKind.Write, file, line);
        ThrowIfDisposed(state);
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

    /// <summary>Mirrors <see cref="System.Threading.Barrier.RemoveParticipant()"/>.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException">The barrier has no participants.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, or every remaining participant has already arrived in this phase.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public void RemoveParticipant([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        RemoveParticipants(1, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Barrier.RemoveParticipants(int)"/>. If the participants left have all
    /// arrived, the phase ends, and the calling thread runs the post-phase action.
    /// </summary>
    /// <param name="participantCount">How many participants to remove.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is less than 1 or more than the participants.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, or more participants would be removed than have not yet arrived in this phase.</exception>
    /// <exception cref="BarrierPostPhaseException">This call ended the phase and the post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public void RemoveParticipants(int participantCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.RemoveParticipants", file, line) is not { } me)
        {
            _real.RemoveParticipants(participantCount);
            return;
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(participantCount);
        var state = State(me);
        ThrowIfInPostPhaseAction(me, state);
        Blocking.Step(me, state, "Barrier.RemoveParticipants", AccessKind.Write, file, line);
        ThrowIfDisposed(state);
        if (state.ParticipantCount < participantCount)
            throw new ArgumentOutOfRangeException(nameof(participantCount), "The participantCount argument must be less than or equal the number of participants.");
        if (state.ParticipantCount - participantCount < state.Arrived)
            throw new InvalidOperationException("The participantCount argument is greater than the number of participants that haven't yet arrived at the barrier in this phase.");
        state.ParticipantCount -= participantCount;
        Blocking.Record(me, $"{state.ParticipantCount} participants");
        if (state.ParticipantCount > 0 && state.Arrived == state.ParticipantCount)
            FinishPhase(me, state, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier.SignalAndWait()"/>: arrives, and waits until every participant has arrived.</summary>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public void SignalAndWait([CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SignalAndWaitCore(Timeout.Infinite, CancellationToken.None, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Barrier.SignalAndWait(CancellationToken)"/>. Inside an execution a
    /// blocked participant also goes on when the token is cancelled (by another thread): it withdraws its arrival and throws.
    /// </summary>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public void SignalAndWait(CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SignalAndWaitCore(Timeout.Infinite, cancellationToken, file, line);

    /// <summary>
    /// Mirrors <see cref="System.Threading.Barrier.SignalAndWait(int)"/>. Inside an execution a finite timeout never
    /// blocks: once the participant has arrived, its wait succeeds if the phase has ended when the scheduler runs
    /// it, and otherwise times out and withdraws the arrival.
    /// </summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether every participant arrived before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public bool SignalAndWait(int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SignalAndWaitCore(millisecondsTimeout, CancellationToken.None, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.SignalAndWait(TimeSpan)"/>; see <see cref="SignalAndWait(int, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether every participant arrived before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public bool SignalAndWait(TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SignalAndWait(timeout, CancellationToken.None, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.SignalAndWait(int, CancellationToken)"/>; see <see cref="SignalAndWait(int, string?, int)"/> and <see cref="SignalAndWait(CancellationToken, string?, int)"/>.</summary>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether every participant arrived before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public bool SignalAndWait(int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        SignalAndWaitCore(millisecondsTimeout, cancellationToken, file, line);

    /// <summary>Mirrors <see cref="System.Threading.Barrier.SignalAndWait(TimeSpan, CancellationToken)"/>; see <see cref="SignalAndWait(int, CancellationToken, string?, int)"/>.</summary>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Supplied by the compiler: the caller's source file.</param>
    /// <param name="line">Supplied by the compiler: the caller's source line.</param>
    /// <returns>Whether every participant arrived before the timeout.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is negative other than infinite, or more than <see cref="int.MaxValue"/> milliseconds.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">Called from the post-phase action, the barrier has no participants, or more threads signal than there are participants.</exception>
    /// <exception cref="BarrierPostPhaseException">The phase's post-phase action threw.</exception>
    /// <exception cref="ObjectDisposedException">The barrier was disposed.</exception>
    public bool SignalAndWait(TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        var milliseconds = (long)timeout.TotalMilliseconds;
        if (milliseconds < Timeout.Infinite || milliseconds > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The specified timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        return SignalAndWaitCore((int)milliseconds, cancellationToken, file, line);
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier.Dispose()"/>. Inside an execution, later calls that change the barrier throw <see cref="ObjectDisposedException"/>.</summary>
    /// <exception cref="InvalidOperationException">Called from the post-phase action.</exception>
    public void Dispose()
    {
        if (LoomRuntime.Controlled("Barrier.Dispose", null, 0) is { } me)
            ThrowIfInPostPhaseAction(me, State(me));
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier.Dispose(bool)"/>.</summary>
    /// <param name="disposing">Whether managed resources should be released too.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
            return;
        if (LoomRuntime.Controlled("Barrier.Dispose", null, 0) is { } me)
        {
            var state = State(me);
            Blocking.Step(me, state, "Barrier.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
            if (!me.Execution.Aborting)
                state.Disposed = true;
            return;
        }
        _real.Dispose();
    }

    private bool SignalAndWaitCore(int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        if (LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is not { } me)
            return _real.SignalAndWait(millisecondsTimeout, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The specified timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        var state = State(me);
        ThrowIfInPostPhaseAction(me, state);

        // Arriving: whether this thread is the last depends on the others' arrivals, so it conflicts with them.
        Blocking.Step(me, state, "Barrier.SignalAndWait", AccessKind.Write, file, line);
        ThrowIfDisposed(state);
        if (state.ParticipantCount == 0)
            throw new InvalidOperationException("The barrier has no registered participants.");
        if (state.ActionRunner is not null)
            throw new InvalidOperationException("The number of threads using the barrier exceeded the total number of registered participants.");
        var phase = state.Phase;
        if (state.Arrived + 1 == state.ParticipantCount)
        {
            Blocking.Record(me, $"last of {state.ParticipantCount} (phase {phase})");
            state.ClearArrivals();
            FinishPhase(me, state, file, line);
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
                cancellationToken.ThrowIfCancellationRequested();
                return Blocking.Outcome(me, false);
            }
            Blocking.Outcome(me, true);
        }
        if (state.ActionException is { } failure)
            throw new BarrierPostPhaseException(failure);
        return true;
    }

    /// <summary>Ends the phase on the last thread to arrive: runs the post-phase action, then releases the participants.</summary>
    private void FinishPhase(LogicalThread me, BarrierState state, string? file, int line)
    {
        if (_postPhaseAction is null)
        {
            state.Phase++;
            return;
        }
        state.ActionRunner = me;
        Exception? failure = null;
        try
        {
            _postPhaseAction(this);
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

    private T ReadModel<T>(string api, Func<BarrierState, T> model, Func<System.Threading.Barrier, T> real)
    {
        if (LoomRuntime.Controlled(api, null, 0) is not { } me)
            return real(_real);
        var state = State(me);
        Blocking.Step(me, state, api, AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, model(state));
    }

    private static void ThrowIfInPostPhaseAction(LogicalThread me, BarrierState state)
    {
        if (state.ActionRunner == me)
            throw new InvalidOperationException(CalledFromPostPhaseAction);
    }

    private static ArgumentOutOfRangeException TooManyParticipants(int participantCount) =>
        new(nameof(participantCount), "Adding participantCount participants would result in the number of participants exceeding the maximum number allowed.");

    private void ThrowIfDisposed(BarrierState state) => ObjectDisposedException.ThrowIf(state.Disposed, this);

    private BarrierState State(LogicalThread me) =>
        me.Execution.ModelOf(_real, (execution, _) => new BarrierState(execution, _participantCount));
}
