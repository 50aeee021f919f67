using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Loom.Async;
using Loom.Runtime;
using Loom.Runtime.Objects;

namespace Loom.Threading.Models;

/// <summary>
/// Completing a <see cref="TaskCompletionSource"/> or <see cref="TaskCompletionSource{TResult}"/> inside an execution,
/// for the stand-ins (Loom.Interception's <c>TaskCompletionSourceCalls</c> and <c>TaskCompletionSourceOfTResultCalls</c>):
/// each completion is a scheduling point that writes the source, then the real member completes the real task (a
/// second <c>Set</c> throws <see cref="InvalidOperationException"/>, a second <c>TrySet</c> returns
/// <see langword="false"/>, as in .NET). Where the task's continuations run follows .NET as far as Loom's scheduler
/// allows:
/// <list type="bullet">
/// <item>Without <see cref="TaskCreationOptions.RunContinuationsAsynchronously"/>, continuations run inline on the
/// completing thread, as part of its step (<see cref="InlineContinuations"/>): an await's code after the await runs
/// inside <c>SetResult</c>, as it does for real on the thread pool.</item>
/// <item>With it, an await's continuation is a step of its own, queued to the execution. The completion runs with the
/// flag lifted for its duration, so that the continuations .NET would otherwise hand to the real thread pool (those
/// of <c>Task.WhenAll</c>, <c>WhenAny</c> and <c>WaitAsync</c>, and awaits that captured no context in code that was
/// not rewritten) run inline on the completing step instead of escaping Loom's control; the continuations of those in
/// turn are queued. Only that inner layer runs earlier than .NET would run it.</item>
/// </list>
/// </summary>
internal static class TaskCompletionModel
{
    private const int RunContinuationsAsynchronously = (int)TaskCreationOptions.RunContinuationsAsynchronously;

    /// <summary>The key of each source's model: not the source itself, on which code may also take a lock.</summary>
    private static readonly ConditionalWeakTable<object, object> s_keys = new();

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "m_stateFlags")]
    private static extern ref int StateFlags(Task task);

    /// <summary>
    /// Completes <paramref name="task"/>, the task of <paramref name="source"/>, with <paramref name="complete"/> (the
    /// real member, returning whether it completed the task) after a scheduling point named <paramref name="api"/>.
    /// </summary>
    public static bool Complete(LogicalThread me, object source, Task task, string api, string? file, int line, Func<bool> complete)
    {
        var state = me.Execution.ModelOf(s_keys.GetValue(source, static _ => new object()), static (execution, _) => new CompletionSourceState(execution));
        Blocking.Step(me, state, api, AccessKind.Write, file, line);
        // Only this thread runs until the completion returns, so the task's state now tells its outcome.
        Blocking.Record(me, task.IsCompleted ? $"{Describe(task)} already" : "completes the task");
        if ((task.CreationOptions & TaskCreationOptions.RunContinuationsAsynchronously) == 0)
            return InlineContinuations.Run(me, inline: true, complete);
        ref var flags = ref StateFlags(task);
        System.Threading.Interlocked.And(ref flags, ~RunContinuationsAsynchronously);
        try
        {
            return InlineContinuations.Run(me, inline: false, complete);
        }
        finally
        {
            System.Threading.Interlocked.Or(ref flags, RunContinuationsAsynchronously);
        }
    }

    /// <summary>Completes with a <c>Set</c> member, which throws if the task is complete already.</summary>
    /// <exception cref="InvalidOperationException">The task was complete already.</exception>
    public static void Set(LogicalThread me, object source, Task task, string api, string? file, int line, Action set) =>
        Complete(me, source, task, api, file, line, () =>
        {
            set();
            return true;
        });

    private static string Describe(Task task) => task.Status switch
    {
        TaskStatus.Faulted => "faulted",
        TaskStatus.Canceled => "canceled",
        _ => "completed",
    };
}
