using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading.Models;

namespace Loom.Threading;

/// <summary>
/// Mirrors <see cref="System.Threading.Barrier"/>. Inside a Loom execution signalling is a scheduling point on the
/// barrier's model, and a participant then blocks until its phase ends; a phase whose participants never all arrive
/// is reported as a deadlock. The post-phase action runs on the last thread to arrive, as in .NET, and its
/// operations are scheduled like any other. Elsewhere every member is the real barrier's. Each execution starts from the
/// real barrier's state when it first uses it (<see cref="BarrierModel"/>, shared with the stand-ins rewritten code calls).
/// </summary>
public class Barrier : IDisposable
{
    /// <summary>The real barrier, whose post-phase action calls the user's with this mirror: used outside executions, and what the model starts from inside them.</summary>
    private readonly System.Threading.Barrier _real;

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
    }

    /// <summary>Mirrors <see cref="System.Threading.Barrier.ParticipantCount"/>. Inside an execution, a scheduling point.</summary>
    public int ParticipantCount => LoomRuntime.Controlled("Barrier.ParticipantCount", null, 0) is { } me ? BarrierModel.Read(me, _real, "Barrier.ParticipantCount", static state => state.ParticipantCount) : _real.ParticipantCount;

    /// <summary>Mirrors <see cref="System.Threading.Barrier.ParticipantsRemaining"/>: participants that have not arrived in the current phase. Inside an execution, a scheduling point.</summary>
    public int ParticipantsRemaining => LoomRuntime.Controlled("Barrier.ParticipantsRemaining", null, 0) is { } me ? BarrierModel.Read(me, _real, "Barrier.ParticipantsRemaining", static state => state.ParticipantCount - state.Arrived) : _real.ParticipantsRemaining;

    /// <summary>Mirrors <see cref="System.Threading.Barrier.CurrentPhaseNumber"/>. Inside an execution, a scheduling point.</summary>
    public long CurrentPhaseNumber => LoomRuntime.Controlled("Barrier.CurrentPhaseNumber", null, 0) is { } me ? BarrierModel.Read(me, _real, "Barrier.CurrentPhaseNumber", static state => state.Phase) : _real.CurrentPhaseNumber;

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
        return BarrierModel.AddParticipants(me, _real, participantCount, file, line);
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
        BarrierModel.RemoveParticipants(me, _real, participantCount, file, line);
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
            BarrierModel.CheckDispose(me, _real);
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
            BarrierModel.Dispose(me, _real);
            return;
        }
        _real.Dispose();
    }

    private bool SignalAndWaitCore(int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        if (LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is not { } me)
            return _real.SignalAndWait(millisecondsTimeout, cancellationToken);
        return BarrierModel.SignalAndWait(me, _real, millisecondsTimeout, cancellationToken, file, line);
    }
}
