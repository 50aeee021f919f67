using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.SemaphoreSlim"/>, shared by the <see cref="Loom.Threading.SemaphoreSlim"/>
/// mirror (on its real semaphore) and the stand-ins for the real type (Loom.Interception.SemaphoreSlimCalls). Each
/// execution's model starts from the real semaphore as the execution first finds it: its count, its maximum (a
/// private field, read with <see cref="UnsafeAccessorAttribute"/>) and whether it was disposed. The real semaphore
/// is never changed inside an execution.
/// <para>
/// Partial-order reduction tries every wait on both sides of every release, but treats two releases as commuting
/// (their effect on the count does not depend on their order). The count Release returns, and which of two releases
/// past the maximum throws, do depend on it: code that branches on them may not see every order.
/// </para>
/// </summary>
internal static class SemaphoreModel
{
    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_maxCount")]
    private static extern ref int MaxCountOf(System.Threading.SemaphoreSlim semaphore);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_lockObjAndDisposed")]
    private static extern ref StrongBox<bool> DisposedOf(System.Threading.SemaphoreSlim semaphore);

    /// <summary>The semaphore's model in the calling thread's execution, made from the real semaphore on first use.</summary>
    public static SemaphoreState State(LogicalThread me, System.Threading.SemaphoreSlim real) =>
        me.Execution.ModelOf(real, static (execution, key) =>
        {
            var semaphore = (System.Threading.SemaphoreSlim)key;
            return new SemaphoreState(execution, semaphore.CurrentCount, MaxCountOf(semaphore)) { Disposed = DisposedOf(semaphore).Value };
        });

    /// <summary>How many more threads may enter: a scheduling point that reads the count.</summary>
    public static int CurrentCount(LogicalThread me, System.Threading.SemaphoreSlim real)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "SemaphoreSlim.CurrentCount", AccessKind.Read, null, 0);
        return MemoryAccess.Result(me, state.Count);
    }

    /// <summary>
    /// Enters the semaphore. An untimed wait blocks while the count is zero (a wait nothing will release is reported
    /// as a deadlock); a finite timeout never blocks: the wait succeeds if the count is positive when the scheduler runs
    /// it, and otherwise times out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static bool Wait(LogicalThread me, System.Threading.SemaphoreSlim real, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "The timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        var state = State(me, real);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            // A write, not an acquire: partial-order reduction orders an acquire after the release before it, as
            // if that release had let it in, which holds for a lock but not for a semaphore whose count was still
            // positive. As a write, a wait is tried on both sides of every release, so overlapping holders are found.
            Blocking.Wait(me, state, "SemaphoreSlim.Wait", AccessKind.Write, 0, cancellationToken, file, line);
            ThrowIfDisposed(state, real);
            Enter(me, state, file, line);
            Blocking.Record(me, $"count {state.Count + 1}->{state.Count}");
            return true;
        }

        Blocking.Step(me, state, "SemaphoreSlim.Wait", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.Count > 0)
        {
            Enter(me, state, file, line);
            return Blocking.Outcome(me, true);
        }
        CancellationModel.ThrowIfRequested(me, cancellationToken, file, line);
        return Blocking.Outcome(me, false);
    }

    /// <summary>
    /// Enters the semaphore asynchronously. With the count positive the task is complete at once; otherwise it is
    /// queued and completes when a release hands it a unit (units go first to blocked threads, then to queued tasks
    /// in order), its timeout passes in virtual time, or its token is cancelled, each on a logical thread of the
    /// execution, so the code awaiting it resumes under Loom's control.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static Task<bool> WaitAsync(LogicalThread me, System.Threading.SemaphoreSlim real, int millisecondsTimeout, CancellationToken cancellationToken, string? file, int line)
    {
        Timeouts.Validate(millisecondsTimeout, nameof(millisecondsTimeout));
        if (CancellationModel.Observed(me, cancellationToken, file, line))
            return CancellationModel.Canceled<bool>(cancellationToken);
        var state = State(me, real);
        Blocking.Step(me, state, "SemaphoreSlim.WaitAsync", AccessKind.Write, file, line);
        ThrowIfDisposed(state, real);
        if (state.Count > 0)
        {
            Enter(me, state, file, line);
            Blocking.Record(me, $"count {state.Count + 1}->{state.Count}");
            return Task.FromResult(true);
        }
        if (millisecondsTimeout == 0)
        {
            Blocking.Record(me, "count 0: not entered");
            return Task.FromResult(false);
        }

        // The waiter's task completes when a release hands it a unit, its timeout passes in virtual time, or its
        // token is canceled; each of those runs on a logical thread, so the model needs no locking.
        var waiter = state.EnqueueAsync(me, SourceText.Location(file, line));
        if (millisecondsTimeout != Timeout.Infinite)
        {
            waiter.Timeout = me.Execution.Clock.CreateTimer(
                _ =>
                {
                    if (state.AbandonAsync(waiter))
                        waiter.Completion.TrySetResult(false);
                },
                null,
                TimeSpan.FromMilliseconds(millisecondsTimeout),
                Timeout.InfiniteTimeSpan);
        }
        // A callback in the token's model, not on the real token: it runs on the logical thread that cancels.
        waiter.Cancellation = CancellationCallbacks.Add(
            me,
            cancellationToken,
            (Action<object?>)(_ =>
            {
                if (state.AbandonAsync(waiter))
                    waiter.Completion.TrySetCanceled(cancellationToken);
            }),
            null,
            null,
            null,
            null,
            file,
            line);
        Blocking.Record(me, "count 0: waiting");
        return waiter.Completion.Task;
    }

    /// <summary>Exits the semaphore <paramref name="releaseCount"/> times; returns the count before.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="releaseCount"/> is less than 1.</exception>
    /// <exception cref="SemaphoreFullException">The release would take the count past its maximum.</exception>
    /// <exception cref="ObjectDisposedException">The semaphore was disposed.</exception>
    public static int Release(LogicalThread me, System.Threading.SemaphoreSlim real, int releaseCount, string? file, int line)
    {
        if (releaseCount < 1)
            throw new ArgumentOutOfRangeException(nameof(releaseCount), releaseCount, "The releaseCount argument must be greater than zero.");
        var state = State(me, real);
        // Gives a unit back. Releases commute with each other; waits treat them as races (see Wait).
        Blocking.Step(me, state, "SemaphoreSlim.Release", AccessKind.Release, file, line, OperationFlags.RunsDuringAbort);
        if (me.Execution.Aborting)
            return state.Count;
        ThrowIfDisposed(state, real);
        if (state.MaxCount - state.Count < releaseCount)
        {
            Blocking.Record(me, $"count {state.Count} (max {state.MaxCount}): full");
            throw new SemaphoreFullException();
        }
        var previous = state.Count;
        state.Count += releaseCount;
        state.GrantAsyncWaiters();
        Blocking.Record(me, $"count {previous}->{state.Count}");
        return previous;
    }

    /// <summary>Disposes the semaphore in the model: later waits and releases in this execution throw <see cref="ObjectDisposedException"/>.</summary>
    public static void Dispose(LogicalThread me, System.Threading.SemaphoreSlim real)
    {
        var state = State(me, real);
        Blocking.Step(me, state, "SemaphoreSlim.Dispose", AccessKind.Write, null, 0, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Disposed = true;
    }

    private static void Enter(LogicalThread me, SemaphoreState state, string? file, int line)
    {
        state.Count--;
        state.LastEntered = $"{me.Label} entered at {Blocking.Where(file, line)}";
    }

    private static void ThrowIfDisposed(SemaphoreState state, System.Threading.SemaphoreSlim real) => ObjectDisposedException.ThrowIf(state.Disposed, real);
}
