using System;
using System.Threading;
using Loom.Runtime;

namespace Loom.Threading.Models;

/// <summary>
/// The model of threads, shared by the <see cref="Loom.Threading.Thread"/> mirror and the stand-ins for
/// <see cref="System.Threading.Thread"/> (Loom.Interception.ThreadCalls): starting a logical thread, joining it,
/// asking whether it is alive, and the static waits (Sleep, Yield, SpinWait). Each function runs inside an
/// execution, on the logical thread <c>me</c> that called it.
/// </summary>
internal static class ThreadModel
{
    /// <summary>The message of the <see cref="ThreadStateException"/> a second Start throws, as in .NET.</summary>
    public const string AlreadyStarted = "Thread is running or terminated; it cannot restart.";

    /// <summary>The message of the <see cref="ThreadStateException"/> a Join of an unstarted thread throws, as in .NET.</summary>
    public const string NotStarted = "Thread has not been started.";

    /// <summary>
    /// The scheduling point of a Start, and the new logical thread that will run <paramref name="body"/>. The
    /// caller records the thread wherever its callers will look for it, then calls <see cref="Launch"/>.
    /// </summary>
    public static LogicalThread Create(LogicalThread me, Action body, string? name, object? mirror, string? file, int line)
    {
        me.Execution.Schedule(me, new Operation("Thread.Start", AccessKind.None, null, file, line));
        var logical = me.Execution.CreateThread(body, name, mirror);
        me.Execution.RecordValue(me, logical.Label);
        return logical;
    }

    /// <summary>Runs a thread made by <see cref="Create"/> up to its first visible operation (see <see cref="Execution.Launch"/>).</summary>
    public static void Launch(LogicalThread me, LogicalThread logical) => me.Execution.Launch(me, logical);

    /// <summary>
    /// Joins <paramref name="logical"/>. An untimed join blocks until the thread has finished (joining itself never
    /// does, which the scheduler reports as the deadlock it is); a timed join never blocks: it succeeds if the
    /// thread has finished when the scheduler runs it, and otherwise times out and yields.
    /// </summary>
    public static bool Join(LogicalThread me, LogicalThread logical, int millisecondsTimeout, string? file, int line)
    {
        if (millisecondsTimeout == Timeout.Infinite)
        {
            me.Execution.Schedule(me, new Operation("Thread.Join", AccessKind.Acquire, logical, file, line));
            return true;
        }
        me.Execution.Schedule(me, new Operation("Thread.Join", AccessKind.Read, logical, file, line));
        var finished = logical.Status == ThreadStatus.Finished;
        if (!finished)
            Blocking.YieldAfter(me);
        return MemoryAccess.Result(me, finished);
    }

    /// <summary>Whether <paramref name="logical"/> has not finished: a scheduling point that reads the thread.</summary>
    public static bool IsAlive(LogicalThread me, LogicalThread logical)
    {
        me.Execution.Schedule(me, new Operation("Thread.IsAlive", AccessKind.Read, logical, null, 0));
        return MemoryAccess.Result(me, logical.Status != ThreadStatus.Finished);
    }

    /// <summary>
    /// Sleeps in virtual time: the thread runs again once nothing else can run and the execution's clock has reached
    /// its wake-up time. <c>Sleep(0)</c> lets another runnable thread take a step first.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void Sleep(LogicalThread me, int millisecondsTimeout, string? file, int line)
    {
        ValidateTimeout(millisecondsTimeout);
        if (millisecondsTimeout == 0)
            me.Execution.Schedule(me, new Operation("Thread.Sleep", AccessKind.None, null, file, line, OperationFlags.Yield));
        else
            me.Execution.Sleep(me, millisecondsTimeout == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(millisecondsTimeout), "Thread.Sleep", file, line);
    }

    /// <summary>Lets another runnable thread take a step before this one continues, so spin loops terminate.</summary>
    public static void Yield(LogicalThread me, string api, string? file, int line) =>
        me.Execution.Schedule(me, new Operation(api, AccessKind.None, null, file, line, OperationFlags.Yield));

    /// <summary>The identity of a logical thread that rewritten code sees: its number plus one, the same in every execution.</summary>
    public static int ManagedThreadId(LogicalThread logical) => logical.Number + 1;

    /// <summary>Checks a Sleep or Join timeout as <see cref="System.Threading.Thread"/> does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="millisecondsTimeout"/> is negative other than <see cref="Timeout.Infinite"/>.</exception>
    public static void ValidateTimeout(int millisecondsTimeout)
    {
        if (millisecondsTimeout < Timeout.Infinite)
            throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), millisecondsTimeout, "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
    }
}
