using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Threading;
using Loom.Threading.Models;
using Barrier = System.Threading.Barrier;

namespace Loom.Interception;

/// <summary>
/// Stands in for <see cref="System.Threading.Barrier"/>, on the real barriers: inside a Loom execution signalling is
/// a scheduling point on the barrier's model (<see cref="BarrierModel"/>, shared with the Loom.Threading.Barrier
/// mirror), and a participant then blocks until its phase ends; the real barrier's post-phase action runs on the last
/// thread to arrive. The model starts from the real barrier's participants, phase and disposal when the execution
/// first uses it; the real barrier is never changed there. Outside, each stand-in is the real member.
/// </summary>
[Intercepts(typeof(Barrier))]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BarrierCalls
{
    /// <summary>Stands in for <see cref="System.Threading.Barrier.Barrier(int)"/>.</summary>
    /// <param name="participantCount">How many threads take part.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new barrier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is out of range.</exception>
    public static Barrier New(int participantCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(participantCount);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.Barrier(int, Action{Barrier})"/>.</summary>
    /// <param name="participantCount">How many threads take part.</param>
    /// <param name="postPhaseAction">Run by the last thread to arrive in each phase; may be <see langword="null"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The new barrier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="participantCount"/> is out of range.</exception>
    public static Barrier New(int participantCount, Action<Barrier>? postPhaseAction, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) => new(participantCount, postPhaseAction);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.ParticipantsRemaining"/>; inside an execution a scheduling point.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_ParticipantsRemaining(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.ParticipantsRemaining", file, line) is { } me
            ? BarrierModel.Read(me, StandIn.NotNull(barrier), "Barrier.ParticipantsRemaining", static state => state.ParticipantCount - state.Arrived)
            : barrier.ParticipantsRemaining;

    /// <summary>Stands in for <see cref="System.Threading.Barrier.ParticipantCount"/>; inside an execution a scheduling point.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static int get_ParticipantCount(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.ParticipantCount", file, line) is { } me
            ? BarrierModel.Read(me, StandIn.NotNull(barrier), "Barrier.ParticipantCount", static state => state.ParticipantCount)
            : barrier.ParticipantCount;

    /// <summary>Stands in for <see cref="System.Threading.Barrier.CurrentPhaseNumber"/>; inside an execution a scheduling point.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The value.</returns>
    public static long get_CurrentPhaseNumber(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.CurrentPhaseNumber", file, line) is { } me
            ? BarrierModel.Read(me, StandIn.NotNull(barrier), "Barrier.CurrentPhaseNumber", static state => state.Phase)
            : barrier.CurrentPhaseNumber;

    /// <summary>Stands in for <see cref="System.Threading.Barrier.AddParticipant()"/>.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The phase in which the new participant first takes part.</returns>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static long AddParticipant(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.AddParticipants", file, line) is { } me
            ? BarrierModel.AddParticipants(me, StandIn.NotNull(barrier), 1, file, line)
            : barrier.AddParticipant();

    /// <summary>Stands in for <see cref="System.Threading.Barrier.AddParticipants(int)"/>.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="participantCount">How many participants to add.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>The phase in which the new participants first take part.</returns>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="participantCount"/> is out of range.</exception>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static long AddParticipants(Barrier barrier, int participantCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.AddParticipants", file, line) is { } me
            ? BarrierModel.AddParticipants(me, StandIn.NotNull(barrier), participantCount, file, line)
            : barrier.AddParticipants(participantCount);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.RemoveParticipant()"/>.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or every participant left has arrived.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static void RemoveParticipant(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.RemoveParticipants", file, line) is { } me)
            BarrierModel.RemoveParticipants(me, StandIn.NotNull(barrier), 1, file, line);
        else
            barrier.RemoveParticipant();
    }

    /// <summary>Stands in for <see cref="System.Threading.Barrier.RemoveParticipants(int)"/>.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="participantCount">How many participants to remove.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="participantCount"/> is out of range.</exception>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more participants would be removed than have not arrived.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static void RemoveParticipants(Barrier barrier, int participantCount, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.RemoveParticipants", file, line) is { } me)
            BarrierModel.RemoveParticipants(me, StandIn.NotNull(barrier), participantCount, file, line);
        else
            barrier.RemoveParticipants(participantCount);
    }

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait()"/>: arrives, and waits for the other participants.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static void SignalAndWait(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me)
            BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), Timeout.Infinite, CancellationToken.None, file, line);
        else
            barrier.SignalAndWait();
    }

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait(CancellationToken)"/>: arrives, and waits for the other participants.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static void SignalAndWait(Barrier barrier, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me)
            BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), Timeout.Infinite, cancellationToken, file, line);
        else
            barrier.SignalAndWait(cancellationToken);
    }

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait(int)"/>: arrives, and waits for the other participants; inside an execution a finite timeout never blocks.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every participant arrived.</returns>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me
            ? BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), millisecondsTimeout, CancellationToken.None, file, line)
            : barrier.SignalAndWait(millisecondsTimeout);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait(TimeSpan)"/>: arrives, and waits for the other participants; inside an execution a finite timeout never blocks.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every participant arrived.</returns>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me
            ? BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), Timeouts.ToMilliseconds(timeout, nameof(timeout)), CancellationToken.None, file, line)
            : barrier.SignalAndWait(timeout);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait(int, CancellationToken)"/>: arrives, and waits for the other participants; inside an execution a finite timeout never blocks.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="millisecondsTimeout">How long to wait, or <see cref="Timeout.Infinite"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every participant arrived.</returns>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static bool SignalAndWait(Barrier barrier, int millisecondsTimeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me
            ? BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), millisecondsTimeout, cancellationToken, file, line)
            : barrier.SignalAndWait(millisecondsTimeout, cancellationToken);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.SignalAndWait(TimeSpan, CancellationToken)"/>: arrives, and waits for the other participants; inside an execution a finite timeout never blocks.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="timeout">How long to wait, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">The token to observe.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <returns>Whether every participant arrived.</returns>
    /// <exception cref="System.InvalidOperationException">Called from the post-phase action, or more threads signal than there are participants.</exception>
    /// <exception cref="System.Threading.BarrierPostPhaseException">The post-phase action threw.</exception>
    /// <exception cref="System.ObjectDisposedException">The barrier was disposed.</exception>
    public static bool SignalAndWait(Barrier barrier, TimeSpan timeout, CancellationToken cancellationToken, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0) =>
        LoomRuntime.Controlled("Barrier.SignalAndWait", file, line) is { } me
            ? BarrierModel.SignalAndWait(me, StandIn.NotNull(barrier), Timeouts.ToMilliseconds(timeout, nameof(timeout)), cancellationToken, file, line)
            : barrier.SignalAndWait(timeout, cancellationToken);

    /// <summary>Stands in for <see cref="System.Threading.Barrier.Dispose()"/>. Inside an execution it disposes the model only; the real barrier is untouched.</summary>
    /// <param name="barrier">The barrier.</param>
    /// <param name="file">Filled by the rewriter: the call site's source file.</param>
    /// <param name="line">Filled by the rewriter: the call site's source line.</param>
    /// <exception cref="InvalidOperationException">Called from the post-phase action.</exception>
    public static void Dispose(Barrier barrier, [CallerFilePath] string? file = null, [CallerLineNumber] int line = 0)
    {
        if (LoomRuntime.Controlled("Barrier.Dispose", file, line) is not { } me)
        {
            barrier.Dispose();
            return;
        }
        BarrierModel.CheckDispose(me, StandIn.NotNull(barrier));
        BarrierModel.Dispose(me, barrier);
    }
}
