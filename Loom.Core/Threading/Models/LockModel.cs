using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// The model of a <see cref="System.Threading.Lock"/>, shared by the <see cref="Loom.Threading.Lock"/> mirror (on
/// its real lock) and the stand-ins for the real type (Loom.Interception.LockCalls): a reentrant lock whose
/// enter and exit are scheduling points. The model starts free in every execution; the real lock is never taken
/// inside an execution.
/// </summary>
internal static class LockModel
{
    /// <summary>
    /// The key of each lock's model. It is not the lock object itself, whose monitor is a different lock in .NET
    /// (<c>Monitor.Enter(aLock)</c> does not take <c>aLock</c>), so that the two models never share a key.
    /// </summary>
    private static readonly ConditionalWeakTable<System.Threading.Lock, object> s_keys = new();

    /// <summary>The lock's model in the calling thread's execution, free on first use.</summary>
    public static MonitorState State(LogicalThread me, System.Threading.Lock real) =>
        me.Execution.ModelOf(s_keys.GetValue(real, static _ => new object()), static (execution, _) => new MonitorState(execution, "Lock"));

    /// <summary>Whether the calling thread holds the lock. Only it can change the answer, so this is not a scheduling point.</summary>
    public static bool IsHeldByCurrentThread(LogicalThread me, System.Threading.Lock real) => State(me, real).IsHeldBy(me);

    /// <summary>Takes the lock, blocking while another thread holds it.</summary>
    public static void Enter(LogicalThread me, System.Threading.Lock real, string api, string? file, int line) =>
        Monitor.EnterModel(me, State(me, real), api, file, line);

    /// <summary>
    /// Takes the lock with a timeout. A finite timeout never blocks: the lock is taken if no other thread holds it
    /// when the scheduler runs the call, and otherwise the call times out.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static bool TryEnter(LogicalThread me, System.Threading.Lock real, int millisecondsTimeout, string? file, int line)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(millisecondsTimeout, Timeout.Infinite);
        var state = State(me, real);
        if (millisecondsTimeout == Timeout.Infinite)
        {
            Monitor.EnterModel(me, state, "Lock.TryEnter", file, line);
            return true;
        }
        // It fails or succeeds depending on whether another thread holds the lock: it conflicts with releases too.
        Blocking.Step(me, state, "Lock.TryEnter", AccessKind.Write, file, line);
        if (state.Owner is not null && state.Owner != me)
            return Blocking.Outcome(me, false);
        state.Enter(me, Blocking.Where(file, line));
        return Blocking.Outcome(me, true);
    }

    /// <summary>Releases the lock once.</summary>
    /// <exception cref="SynchronizationLockException">The calling thread does not hold the lock.</exception>
    public static void Exit(LogicalThread me, System.Threading.Lock real, string api, string? file, int line)
    {
        var state = State(me, real);
        if (!state.IsHeldBy(me) && !me.Execution.Aborting)
            throw new SynchronizationLockException($"The calling thread does not hold the lock ({api}: {me.Label} does not hold {state}).");
        Blocking.Step(me, state, api, AccessKind.Release, file, line, OperationFlags.RunsDuringAbort);
        if (!me.Execution.Aborting)
            state.Exit();
    }
}
