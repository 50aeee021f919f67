using System;
using System.Threading;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading;

/// <summary>
/// The two shapes of wait the mirror's primitives share inside an execution.
/// <list type="bullet">
/// <item>An untimed wait blocks: its scheduling point is not enabled until the object can grant it (or its
/// cancellation token is cancelled), so a wait nothing will satisfy is reported as a deadlock.</item>
/// <item>A timed wait (a finite timeout, including 0) never blocks: its timeout may expire at any scheduling
/// point (an over-approximation of real timing, docs/engine.md), so when the scheduler runs it, it succeeds if its
/// condition holds and otherwise times out. Its outcome depends on the
/// object's state, so its access conflicts with every operation that changes that state. A wait that timed out
/// yields, like a spin loop: its thread does not run again until another thread has taken a step, and the stores
/// made so far become visible to it.</item>
/// </list>
/// </summary>
internal static class Blocking
{
    /// <summary>
    /// Blocks <paramref name="me"/> at a scheduling point until <paramref name="target"/> can grant
    /// <paramref name="request"/>. Returns once it can; the caller then applies the grant to the model.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="token"/> was cancelled before the request could be granted.</exception>
    public static void Wait(LogicalThread me, WaitableObject target, string api, AccessKind access, long request, CancellationToken token, string? file, int line)
    {
        target.BeginWait(me, request, Models.CancellationModel.Observe(me, token));
        me.Execution.Schedule(me, new Operation(api, access, target, file, line));
        if (!target.EndWait(me))
        {
            Record(me, "cancelled");
            // The thread learns of the cancellation from the token's source: a step there orders it after the Cancel.
            Models.CancellationModel.ThrowIfRequested(me, token, file, line);
            throw new OperationCanceledException(token);
        }
    }

    /// <summary>The scheduling point of a timed wait, a try-enter, or any operation that does not block.</summary>
    public static void Step(LogicalThread me, ModelObject target, string api, AccessKind access, string? file, int line, OperationFlags flags = OperationFlags.None) =>
        me.Execution.Schedule(me, new Operation(api, access, target, file, line, flags));

    /// <summary>
    /// Records the outcome of a timed wait or try-enter and returns it. A thread whose attempt failed yields, as a
    /// thread with <see cref="OperationFlags.Yield"/> does, so a retry loop lets the others make progress; a thread
    /// that succeeded continues without yielding, so no interleaving after a success is lost.
    /// </summary>
    public static bool Outcome(LogicalThread me, bool succeeded)
    {
        me.Execution.RecordValue(me, succeeded);
        if (!succeeded)
            YieldAfter(me);
        return succeeded;
    }

    /// <summary>
    /// Makes <paramref name="me"/> yield after the operation it just performed, as if that operation had carried
    /// <see cref="OperationFlags.Yield"/>: it does not run again until another thread has taken a step, and the
    /// stores made so far become visible to it.
    /// </summary>
    public static void YieldAfter(LogicalThread me)
    {
        me.Yielding = true;
        me.Execution.Memory.OnYield(me);
    }

    /// <summary>The caller's location for reports, as <c>File.cs:42</c>, or "an unknown location".</summary>
    public static string Where(string? file, int line) => SourceText.Location(file, line) is { Length: > 0 } location ? location : "an unknown location";

    /// <summary>Records a value that describes what an operation did, for the trace.</summary>
    public static void Record(LogicalThread me, string text) => me.Execution.RecordValue(me, text);

    /// <summary>The message of the NotSupportedException a member that cannot be modelled yet throws inside an execution.</summary>
    public static string NotSupported(string member, string why) =>
        $"{member} is not supported inside a Loom execution: {why} It works as usual outside Loom executions.";
}
